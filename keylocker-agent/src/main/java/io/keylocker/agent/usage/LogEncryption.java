package io.keylocker.agent.usage;

/** What the header of a redo or binary log file says about its encryption. */
public sealed interface LogEncryption {
  /** Encrypted with version {@code keyVersion} of key {@code keyId}. */
  record Encrypted(long keyId, long keyVersion) implements LogEncryption {}

  /** Not encrypted: needs no key. */
  record Plain() implements LogEncryption {}

  /** The file could not be read or its format is not one we know; {@code why} is for the log. */
  record Unreadable(String why) implements LogEncryption {}
}
