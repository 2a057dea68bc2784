package io.keylocker.agent.lifecycle;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * A command the locker queued for this agent and has not seen completed (docs/api.md, "Agent
 * commands"). {@code kind} is kept as sent, so an unknown kind can be completed as failed;
 * {@code keyId} is present for {@code rotate}. The id is safe to put in a URL path (checked by the
 * source).
 */
public record PendingCommand(String id, String kind, OptionalLong keyId, Instant createdAt) {
  public static final String ROTATE = "rotate";
  public static final String REFRESH = "refresh";
}
