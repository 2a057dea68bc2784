package io.keylocker.locker.usage;

import io.keylocker.locker.servers.ServerId;
import java.time.Instant;
import java.util.Optional;

/** Storage of the latest usage report per server. Callers run inside a transaction. */
public interface UsageRepository {
  /** Replaces the server's report. */
  void save(ServerId server, UsageReport report, Instant receivedAt);

  Optional<ReceivedUsage> find(ServerId server);
}
