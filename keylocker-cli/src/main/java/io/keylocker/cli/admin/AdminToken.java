package io.keylocker.cli.admin;

import io.keylocker.cli.CliException;
import io.keylocker.cli.ExitStatus;

/**
 * The locker's admin bearer token. It has to become an HTTP header value, so it is held as a
 * string, but it never appears in {@link #toString()}, messages or output.
 */
public final class AdminToken {
  private static final int MAX_LENGTH = 4096;
  private final String value;

  private AdminToken(String value) {
    this.value = value;
  }

  /** Trims surrounding whitespace (a token file usually ends with a newline), then checks it. */
  public static AdminToken of(String raw, String source) {
    String value = raw.strip();
    if (value.isEmpty()) {
      throw new CliException(ExitStatus.USAGE, "the admin token from " + source + " is empty");
    }
    if (value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new CliException(ExitStatus.USAGE, "the admin token from " + source + " is not a valid token");
    }
    return new AdminToken(value);
  }

  String authorizationHeader() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "AdminToken[redacted]";
  }
}
