package io.keylocker.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Looks for byte strings in files, as someone with a copy of the disk would. */
final class DiskScan {
  private DiskScan() {}

  /** Every encoding of a key an attacker would try: raw, hex (both cases), base64. */
  static List<byte[]> encodingsOfKey(String hex) {
    byte[] raw = HexFormat.of().parseHex(hex);
    return List.of(
        raw,
        hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
        hex.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
        Base64.getEncoder().encode(raw),
        Base64.getUrlEncoder().withoutPadding().encode(raw));
  }

  /** Files under {@code root} (recursively) that contain any of {@code needles}. */
  static List<Path> filesContaining(Path root, List<byte[]> needles) {
    List<Path> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".sock")).toList()) {
        byte[] content = Files.readAllBytes(file);
        if (needles.stream().anyMatch(n -> indexOf(content, n) >= 0)) {
          hits.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }

  static boolean contains(Path file, String text) {
    try {
      return indexOf(Files.readAllBytes(file), text.getBytes(StandardCharsets.US_ASCII)) >= 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
