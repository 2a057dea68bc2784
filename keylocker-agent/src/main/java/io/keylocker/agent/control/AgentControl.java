package io.keylocker.agent.control;

import io.keylocker.crypto.SecretBytes;

/** What the control socket can ask of the running daemon. Failures are {@code AgentException}s. */
public interface AgentControl {
  /** {@code passphrase} stays owned by the caller. */
  void unlock(SecretBytes passphrase);

  void lock();

  AgentStatus status();

  CreatedKey createKey(long keyId);
}
