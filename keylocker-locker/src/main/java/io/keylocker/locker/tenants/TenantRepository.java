package io.keylocker.locker.tenants;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of tenants. Callers run inside a transaction. */
public interface TenantRepository {
  Tenant create(TenantName name, Instant createdAt);

  Optional<Tenant> find(TenantName name);

  /** All tenants by name, with their server counts. */
  List<TenantSummary> list();
}
