package io.keylocker.locker.servers;

import java.time.Instant;

/** Something that happened to a server as a whole (a revocation), as handed to {@link ServerEvents}. */
public record ServerEvent(ServerRef server, Kind kind, String reason, Instant at) {
  /** What happened. */
  public enum Kind {
    REVOKED
  }
}
