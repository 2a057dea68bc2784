package io.keylocker.cli;

/**
 * Text from elsewhere (the locker's messages, names in its answers, picocli's messages that echo
 * arguments) made safe to print on one terminal line: control characters, including newlines and
 * escape sequences, become {@code ?}, so an answer can neither forge a second line nor move the
 * cursor.
 */
public final class SafeText {
  private static final int MAX_LENGTH = 1000;

  private SafeText() {}

  public static String line(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
    text.codePoints()
        .limit(MAX_LENGTH)
        .forEach(c -> out.appendCodePoint(Character.isISOControl(c) || isFormatting(c) ? '?' : c));
    return out.toString();
  }

  /** Bidirectional overrides and similar invisible characters that reorder what a reader sees. */
  private static boolean isFormatting(int c) {
    return Character.getType(c) == Character.FORMAT;
  }
}
