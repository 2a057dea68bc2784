package io.keylocker.agent.vault;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request-target parsing as Vault clients need it, without regular expressions: the path split on
 * {@code /} with empty segments dropped (so {@code //} and a trailing {@code /} do not matter,
 * Q16), each segment percent-decoded as UTF-8 with {@code +} left alone (Q9); query parameters
 * looked up raw; decimal numbers parsed without exceptions.
 */
final class VaultPath {
  private VaultPath() {}

  /** The decoded, non-empty segments; null when the percent-encoding is invalid. */
  static List<String> segments(String rawPath) {
    List<String> segments = new ArrayList<>(8);
    int start = 0;
    int length = rawPath.length();
    while (start <= length) {
      int end = rawPath.indexOf('/', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        String decoded = decode(rawPath, start, end);
        if (decoded == null) {
          return null;
        }
        segments.add(decoded);
      }
      start = end + 1;
    }
    return segments;
  }

  private static String decode(String raw, int start, int end) {
    if (raw.indexOf('%', start) < 0 || raw.indexOf('%', start) >= end) {
      return raw.substring(start, end);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
    for (int i = start; i < end; i++) {
      char c = raw.charAt(i);
      if (c > 0x7e) {
        return null;
      }
      if (c != '%') {
        bytes.write(c);
        continue;
      }
      int hi = i + 2 < end ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = i + 2 < end ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        return null;
      }
      bytes.write(hi << 4 | lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The raw value of the first {@code name} parameter ("" when it has no '='); null when absent. */
  static String parameter(String rawQuery, String name) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    int start = 0;
    while (start <= rawQuery.length()) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = rawQuery.length();
      }
      int equals = rawQuery.indexOf('=', start);
      int nameEnd = equals >= 0 && equals < end ? equals : end;
      if (nameEnd - start == name.length() && rawQuery.startsWith(name, start)) {
        return nameEnd == end ? "" : rawQuery.substring(nameEnd + 1, end);
      }
      start = end + 1;
    }
    return null;
  }

  /** {@code text} as a decimal from 0 to {@code max}; -1 when it is not one (at most 10 digits). */
  static long decimal(String text, long max) {
    if (text == null || text.isEmpty() || text.length() > 10) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= max ? value : -1;
  }

  /** Go's {@code strconv.ParseBool}, which Vault uses for {@code list=}; null when invalid. */
  static Boolean parseBool(String text) {
    return switch (text) {
      case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
      case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
      default -> null;
    };
  }
}
