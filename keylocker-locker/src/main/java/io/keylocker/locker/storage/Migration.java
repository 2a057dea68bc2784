package io.keylocker.locker.storage;

import io.keylocker.crypto.pki.Fingerprints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One schema change, named {@code V<version>__<description>.sql}. Statements are separated by a
 * semicolon at the end of a line; lines starting with {@code --} are comments. The checksum is the
 * SHA-256 of the script's bytes, so any edit after release is detected.
 */
public record Migration(int version, String description, String script) {
  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)\\.sql");

  /** The scripts shipped with this locker, in order. */
  private static final List<String> BUNDLED =
      List.of(
          "V1__initial.sql",
          "V2__key_lifecycle.sql",
          "V3__server_revocation.sql",
          "V4__keyring_destroy.sql");

  public Migration {
    if (version < 1 || description.isBlank() || script.isBlank()) {
      throw new IllegalArgumentException("invalid migration V" + version);
    }
  }

  public static List<Migration> bundled() {
    return BUNDLED.stream().map(Migration::load).toList();
  }

  /** Loads {@code fileName} from this package's resources. */
  static Migration load(String fileName) {
    Matcher matcher = NAME.matcher(fileName);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "migration name must look like V1__initial.sql: " + fileName);
    }
    try (InputStream in = Migration.class.getResourceAsStream(fileName)) {
      if (in == null) {
        throw new IllegalStateException("migration resource missing: " + fileName);
      }
      return new Migration(
          Integer.parseInt(matcher.group(1)),
          matcher.group(2).replace('_', ' '),
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String checksum() {
    return Fingerprints.sha256(script.getBytes(StandardCharsets.UTF_8));
  }

  /** The script's statements, comments and blank lines removed. */
  List<String> statements() {
    String withoutComments =
        String.join("\n", script.lines().filter(line -> !line.strip().startsWith("--")).toList());
    return Arrays.stream(withoutComments.split(";\\s*(\\n|$)"))
        .map(String::strip)
        .filter(statement -> !statement.isEmpty())
        .toList();
  }
}
