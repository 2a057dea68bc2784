package io.keylocker.locker.keyrings;

import java.util.Locale;

/**
 * Lifecycle state of a key version. This slice keeps every version {@code ACTIVE}; deactivation,
 * destruction and compromise come with the lifecycle feature.
 */
public enum KeyState {
  ACTIVE;

  /** The lower-case form used in storage and on the wire. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static KeyState ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
