package io.keylocker.agent.keys;

/** Ranges of key ids (MariaDB's {@code uint32}, 0 excluded) and versions (docs/api.md). */
public final class KeyIds {
  public static final long MIN_KEY_ID = 1;
  public static final long MAX_KEY_ID = 4_294_967_295L;
  public static final long MIN_VERSION = 1;
  public static final long MAX_VERSION = Integer.MAX_VALUE;

  private KeyIds() {}

  public static boolean validKeyId(long keyId) {
    return keyId >= MIN_KEY_ID && keyId <= MAX_KEY_ID;
  }

  public static boolean validVersion(long version) {
    return version >= MIN_VERSION && version <= MAX_VERSION;
  }
}
