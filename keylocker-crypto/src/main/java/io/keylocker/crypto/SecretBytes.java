package io.keylocker.crypto;

import io.keylocker.crypto.memory.LockedMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Secret material (keys, KEKs, passphrases, tokens). Kept off the Java heap in memory that is
 * locked against swapping and excluded from core dumps where the OS allows it (see {@link
 * LockedMemory}); never printed; compared in constant time; wiped on {@link #close()}.
 *
 * <p>Guarantees: {@code toString} never reveals content; after {@code close} every accessor throws
 * and the backing memory is zero. Does <em>not</em> guarantee that no copy exists elsewhere: the
 * JCE needs {@code byte[]} keys, so short-lived heap copies are made and wiped by {@link #apply};
 * the garbage collector may have moved none of ours, but the JDK may keep its own. Hygiene, not a
 * guarantee.
 */
public final class SecretBytes implements AutoCloseable {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final LockedMemory.Region region;
  private final int length;
  private volatile boolean wiped;

  private SecretBytes(LockedMemory.Region region, int length) {
    this.region = region;
    this.length = length;
  }

  /** Copies {@code source}; the caller still owns (and should wipe) it. */
  public static SecretBytes copyOf(byte[] source) {
    return copyOf(source, 0, source.length);
  }

  /** Copies {@code length} bytes of {@code source} from {@code offset}. */
  public static SecretBytes copyOf(byte[] source, int offset, int length) {
    LockedMemory.Region region = LockedMemory.allocate(length);
    MemorySegment.copy(source, offset, region.segment(), ValueLayout.JAVA_BYTE, 0, length);
    return new SecretBytes(region, length);
  }

  /** Takes {@code owned}: copies it into protected memory and zeroes the array. */
  public static SecretBytes takeOwnership(byte[] owned) {
    try {
      return copyOf(owned);
    } finally {
      Arrays.fill(owned, (byte) 0);
    }
  }

  /** {@code length} fresh random bytes. */
  public static SecretBytes random(int length, SecureRandom random) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return takeOwnership(bytes);
  }

  public int length() {
    return length;
  }

  /** Runs {@code use} on a temporary heap copy that is zeroed afterwards. */
  public <T> T apply(Function<byte[], T> use) {
    byte[] copy = copy();
    try {
      return use.apply(copy);
    } finally {
      Arrays.fill(copy, (byte) 0);
    }
  }

  /** A heap copy the caller must wipe; prefer {@link #apply}. */
  public byte[] copy() {
    checkLive();
    byte[] copy = new byte[length];
    MemorySegment.copy(region.segment(), ValueLayout.JAVA_BYTE, 0, copy, 0, length);
    return copy;
  }

  /** Writes {@code 2 * length()} lower-case hex digits into {@code target} at {@code offset}. */
  public void writeHex(byte[] target, int offset) {
    checkLive();
    MemorySegment segment = region.segment();
    for (int i = 0; i < length; i++) {
      int b = segment.get(ValueLayout.JAVA_BYTE, i) & 0xff;
      target[offset + 2 * i] = HEX[b >>> 4];
      target[offset + 2 * i + 1] = HEX[b & 0x0f];
    }
  }

  /** Constant-time equality (length is not secret). */
  public boolean contentEquals(SecretBytes other) {
    byte[] a = copy();
    byte[] b = other.copy();
    try {
      return MessageDigest.isEqual(a, b);
    } finally {
      Arrays.fill(a, (byte) 0);
      Arrays.fill(b, (byte) 0);
    }
  }

  /** Constant-time comparison with bytes the caller holds (for example a presented token). */
  public boolean contentEquals(byte[] presented) {
    byte[] a = copy();
    try {
      return MessageDigest.isEqual(a, presented);
    } finally {
      Arrays.fill(a, (byte) 0);
    }
  }

  public boolean isWiped() {
    return wiped;
  }

  /** Zeroes and releases the memory. Idempotent. */
  @Override
  public synchronized void close() {
    if (!wiped) {
      wiped = true;
      region.release();
    }
  }

  private void checkLive() {
    if (wiped) {
      throw new IllegalStateException("secret was wiped");
    }
  }

  @Override
  public String toString() {
    return "SecretBytes[redacted, " + length + " bytes]";
  }
}
