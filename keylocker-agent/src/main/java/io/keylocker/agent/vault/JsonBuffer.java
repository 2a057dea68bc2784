package io.keylocker.agent.vault;

import io.keylocker.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array for hand-built JSON. Fragments given as {@code raw} must already be JSON
 * (and ASCII); {@link #string} escapes. The array may end up holding key hex: the owner zeroes it
 * (see {@link VaultReply#secret()}).
 */
final class JsonBuffer {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] bytes;
  private int length;

  JsonBuffer(int capacity) {
    bytes = new byte[capacity];
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  JsonBuffer raw(byte[] fragment) {
    ensure(fragment.length);
    System.arraycopy(fragment, 0, bytes, length, fragment.length);
    length += fragment.length;
    return this;
  }

  JsonBuffer raw(String fragment) {
    return raw(ascii(fragment));
  }

  JsonBuffer number(long value) {
    return raw(Long.toString(value));
  }

  /** A quoted, escaped JSON string. */
  JsonBuffer string(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    ensure(utf8.length * 6 + 2);
    bytes[length++] = '"';
    for (byte b : utf8) {
      int c = b & 0xff;
      if (c == '"' || c == '\\') {
        bytes[length++] = '\\';
        bytes[length++] = b;
      } else if (c < 0x20) {
        bytes[length++] = '\\';
        bytes[length++] = 'u';
        bytes[length++] = '0';
        bytes[length++] = '0';
        bytes[length++] = HEX[c >>> 4];
        bytes[length++] = HEX[c & 0xf];
      } else {
        bytes[length++] = b;
      }
    }
    bytes[length++] = '"';
    return this;
  }

  /** The secret as lower-case hex, unquoted (hex needs no escaping). */
  JsonBuffer hex(SecretBytes secret) {
    ensure(secret.length() * 2);
    secret.writeHex(bytes, length);
    length += secret.length() * 2;
    return this;
  }

  int length() {
    return length;
  }

  /** The backing array (valid up to {@link #length()}); not a copy. */
  byte[] array() {
    return bytes;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      byte[] bigger = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
      Arrays.fill(bytes, (byte) 0);
      bytes = bigger;
    }
  }
}
