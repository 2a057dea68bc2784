package io.keylocker.agent.vault;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * UUID-shaped request ids without a random draw per request: a random prefix chosen at start-up and
 * a counter. Unique per process run, which is all Vault clients use them for (log correlation).
 */
final class RequestIds {
  private final byte[] prefix;
  private final AtomicLong counter = new AtomicLong();

  RequestIds(SecureRandom random) {
    byte[] r = new byte[10];
    random.nextBytes(r);
    String hex = HexFormat.of().formatHex(r);
    String text = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20) + "-";
    prefix = text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Appends the next id, unquoted (36 characters). */
  void writeNext(JsonBuffer out) {
    long n = counter.incrementAndGet();
    byte[] id = new byte[12];
    for (int i = 11; i >= 0; i--) {
      id[i] = (byte) Character.forDigit((int) (n & 0xf), 16);
      n >>>= 4;
    }
    out.raw(prefix).raw(id);
  }
}
