package io.keylocker.locker.commands;

import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.servers.ServerId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A pending request to one server's agent; {@code key} is set for {@code rotate} only. */
public record AgentCommand(
    UUID id, ServerId server, CommandKind kind, Optional<KeyId> key, Instant createdAt) {
  public AgentCommand {
    if ((kind == CommandKind.ROTATE) != key.isPresent()) {
      throw new IllegalArgumentException("a rotate command, and only it, names a key");
    }
  }
}
