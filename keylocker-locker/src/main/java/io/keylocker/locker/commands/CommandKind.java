package io.keylocker.locker.commands;

import java.util.Locale;

/** What the agent is asked to do. */
public enum CommandKind {
  /** Generate, wrap and upload the next version of a key. */
  ROTATE,
  /** Re-fetch the keyring (states changed, versions destroyed). */
  REFRESH;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static CommandKind ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
