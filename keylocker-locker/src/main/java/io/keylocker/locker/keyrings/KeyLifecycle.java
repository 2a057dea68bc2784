package io.keylocker.locker.keyrings;

import io.keylocker.locker.error.LockerException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one state machine of key versions (docs/api.md, "Key lifecycle"). {@link #transition} decides
 * whether a change is legal; {@link #move} is how every stored change is made: checked, persisted
 * and handed to {@link KeyEvents}. "At most one active version per key" is kept by the callers
 * (deactivate before activating) and enforced again by a unique index in storage.
 */
public final class KeyLifecycle {
  private static final Map<KeyState, Set<KeyState>> ALLOWED = new EnumMap<>(KeyState.class);

  static {
    ALLOWED.put(
        KeyState.PRE_ACTIVE, EnumSet.of(KeyState.ACTIVE, KeyState.COMPROMISED, KeyState.DESTROYED));
    ALLOWED.put(KeyState.ACTIVE, EnumSet.of(KeyState.DEACTIVATED, KeyState.COMPROMISED));
    ALLOWED.put(KeyState.DEACTIVATED, EnumSet.of(KeyState.COMPROMISED, KeyState.DESTROYED));
    ALLOWED.put(KeyState.COMPROMISED, EnumSet.of(KeyState.DESTROYED));
    ALLOWED.put(KeyState.DESTROYED, EnumSet.noneOf(KeyState.class));
  }

  private final KeyringRepository keyrings;
  private final KeyEvents events;

  public KeyLifecycle(KeyringRepository keyrings, KeyEvents events) {
    this.keyrings = keyrings;
    this.events = events;
  }

  /** Whether the table allows {@code from → to}. */
  public static boolean allows(KeyState from, KeyState to) {
    return ALLOWED.get(from).contains(to);
  }

  /**
   * Returns {@code to} when {@code from → to} is allowed; otherwise throws {@link
   * LockerException.Conflict} naming both states.
   */
  public static KeyState transition(KeyState from, KeyState to) {
    if (!allows(from, to)) {
      throw new LockerException.Conflict(
          "a key version cannot go from " + from.label() + " to " + to.label());
    }
    return to;
  }

  /**
   * Changes a stored version's state inside the caller's transaction: checks the table, stores the
   * new state with its date (destroying deletes the wrapped blob) and reports the event.
   */
  public void move(
      KeyringRef keyring, KeyId key, KeyVersion version, KeyState to, String reason, Instant at) {
    if (!allows(version.state(), to)) {
      throw new LockerException.Conflict(
          "version "
              + version.version().value()
              + " of key "
              + key.value()
              + " is "
              + version.state().label()
              + " and cannot become "
              + to.label());
    }
    keyrings.changeState(keyring.id(), key, version.version(), to, reason, at);
    report(keyring, key, version.version(), version.state(), to, reason, at);
  }

  /**
   * Stores a new version as the key's active one, deactivating the previous active version first
   * (one transaction: the caller's). A new version is reported as {@code pre-active → active}.
   */
  public KeyVersion activateNew(
      KeyringRef keyring, KeyId key, VersionNumber version, WrappedKey wrapped, Instant at) {
    keyrings
        .activeVersion(keyring.id(), key)
        .ifPresent(
            previous ->
                move(
                    keyring,
                    key,
                    previous,
                    KeyState.DEACTIVATED,
                    "superseded by a new version",
                    at));
    transition(KeyState.PRE_ACTIVE, KeyState.ACTIVE);
    KeyVersion added = keyrings.addVersion(keyring.id(), key, version, wrapped, at);
    report(keyring, key, version, KeyState.PRE_ACTIVE, KeyState.ACTIVE, "new version uploaded", at);
    return added;
  }

  private void report(
      KeyringRef keyring,
      KeyId key,
      VersionNumber version,
      KeyState from,
      KeyState to,
      String reason,
      Instant at) {
    events.record(
        new KeyEvent(
            keyring.owner().tenant(),
            keyring.owner().server(),
            key,
            version,
            from,
            to,
            reason,
            at));
  }
}
