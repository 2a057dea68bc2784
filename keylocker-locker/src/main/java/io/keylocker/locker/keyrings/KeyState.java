package io.keylocker.locker.keyrings;

import java.util.Locale;

/**
 * Lifecycle state of a key version (NIST SP 800-57 / KMIP). The allowed changes between them are
 * {@link KeyLifecycle}'s table; nothing else decides them.
 */
public enum KeyState {
  /** Stored but not yet used to encrypt. */
  PRE_ACTIVE,
  /** The one version per key served as "latest": encrypts and decrypts. */
  ACTIVE,
  /** Decrypt-only: served by explicit version, never as latest. */
  DEACTIVATED,
  /** Known or suspected exposed: still served by explicit version so data can be re-encrypted. */
  COMPROMISED,
  /** Wrapped blob deleted; never served again. The row and its history stay. */
  DESTROYED;

  /** The lower-case form used in storage and on the wire ({@code pre-active}). */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static KeyState ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
