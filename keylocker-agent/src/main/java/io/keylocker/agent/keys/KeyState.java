package io.keylocker.agent.keys;

import java.util.Optional;

/**
 * The lifecycle state of a key version, as the locker reports it (docs/api.md, "Key lifecycle";
 * NIST SP 800-57 / KMIP names on the wire). What the agent may serve follows from it: only an
 * {@link #ACTIVE} version is served as "latest"; active, deactivated and compromised versions are
 * served by explicit version (data written with them must stay readable); pre-active and destroyed
 * versions are never served, and destroyed ones have no key material anywhere.
 */
public enum KeyState {
  PRE_ACTIVE("pre-active"),
  ACTIVE("active"),
  DEACTIVATED("deactivated"),
  COMPROMISED("compromised"),
  DESTROYED("destroyed");

  private final String wireName;

  KeyState(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire and in status output ({@code pre-active}, {@code active}, …). */
  public String wireName() {
    return wireName;
  }

  /** Whether a read of this exact version may be answered with the key. */
  public boolean servedByVersion() {
    return this == ACTIVE || this == DEACTIVATED || this == COMPROMISED;
  }

  /** The state with that wire name; empty for a name this agent does not know. */
  public static Optional<KeyState> parse(String wireName) {
    for (KeyState state : values()) {
      if (state.wireName.equals(wireName)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
