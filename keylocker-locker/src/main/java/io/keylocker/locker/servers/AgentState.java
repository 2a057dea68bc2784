package io.keylocker.locker.servers;

import io.keylocker.locker.error.LockerException;
import java.util.Arrays;
import java.util.Locale;

/** What an agent last reported about itself: whether it holds the keyring's KEK. */
public enum AgentState {
  LOCKED,
  UNLOCKED;

  /** The lower-case form used in storage and on the wire. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code locked} or {@code unlocked}; anything else is {@link LockerException.Invalid}.
   */
  public static AgentState ofLabel(String label) {
    return Arrays.stream(values())
        .filter(state -> state.label().equals(label))
        .findFirst()
        .orElseThrow(() -> new LockerException.Invalid("state must be 'locked' or 'unlocked'"));
  }
}
