package io.keylocker.locker.commands;

import io.keylocker.locker.error.LockerException;
import java.util.Locale;

/** How the agent reports a finished command. */
public enum CommandOutcome {
  DONE,
  FAILED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@link LockerException.Invalid} for anything but {@code done} or {@code failed}. */
  public static CommandOutcome ofLabel(String label) {
    for (CommandOutcome outcome : values()) {
      if (outcome.label().equals(label)) {
        return outcome;
      }
    }
    throw new LockerException.Invalid("outcome must be done or failed");
  }
}
