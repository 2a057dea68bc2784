package io.keylocker.locker.commands;

import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.servers.ServerId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Storage of agent commands. Callers run inside a transaction. */
public interface CommandRepository {
  void add(AgentCommand command);

  /** The server's commands not yet completed, oldest first. */
  List<AgentCommand> pending(ServerId server);

  /**
   * Completes the server's command {@code id} unless already completed; false when the server has
   * no command with that id.
   */
  boolean complete(
      ServerId server, UUID id, CommandOutcome outcome, String message, Instant completedAt);

  /** Completes every pending rotate command of {@code key} as done with {@code message}. */
  void completeRotations(ServerId server, KeyId key, String message, Instant completedAt);

  /** Deletes commands completed before {@code before}; returns how many. */
  int deleteCompletedBefore(Instant before);
}
