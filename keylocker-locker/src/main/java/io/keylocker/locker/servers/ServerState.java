package io.keylocker.locker.servers;

import java.util.Locale;

/**
 * Whether a server's agent has enrolled (holds a client certificate from the locker's CA) or was
 * revoked (its certificate is refused on every request; a new enrollment token makes it pending).
 */
public enum ServerState {
  PENDING,
  ENROLLED,
  REVOKED;

  /** The lower-case form used in storage and on the wire. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static ServerState ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
