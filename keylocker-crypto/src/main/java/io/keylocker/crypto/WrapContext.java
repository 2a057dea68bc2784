package io.keylocker.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a wrapped blob belongs to. Its canonical encoding is the AEAD associated data, so a blob
 * moved to another tenant, keyring, key or version (or read with another format version) fails
 * to unwrap. Encoding: a domain label, then each field as a 4-byte big-endian length and UTF-8
 * bytes, then the version as 8 bytes — unambiguous by construction.
 */
public record WrapContext(String purpose, String tenant, String keyring, String keyName, long version) {
  /** Purpose of database key versions. */
  public static final String KEY_VERSION = "key-version";
  /** Purpose of the KEK verifier blob. */
  public static final String VERIFIER = "kek-verifier";

  public WrapContext {
    requireText(purpose, "purpose");
    requireText(tenant, "tenant");
    requireText(keyring, "keyring");
    requireText(keyName, "keyName");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
  }

  public static WrapContext keyVersion(String tenant, String keyring, String keyName, long version) {
    return new WrapContext(KEY_VERSION, tenant, keyring, keyName, version);
  }

  public static WrapContext verifier(String tenant, String keyring) {
    return new WrapContext(VERIFIER, tenant, keyring, "-", 0);
  }

  byte[] associatedData(int formatVersion) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    out.writeBytes("keylocker-wrap".getBytes(StandardCharsets.US_ASCII));
    out.write(formatVersion);
    for (String field : new String[] {purpose, tenant, keyring, keyName}) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      writeInt(out, bytes.length);
      out.writeBytes(bytes);
    }
    writeInt(out, (int) (version >>> 32));
    writeInt(out, (int) version);
    return out.toByteArray();
  }

  private static void writeInt(ByteArrayOutputStream out, int value) {
    out.write(value >>> 24);
    out.write(value >>> 16);
    out.write(value >>> 8);
    out.write(value);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }
}
