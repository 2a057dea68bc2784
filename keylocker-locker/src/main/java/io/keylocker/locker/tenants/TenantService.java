package io.keylocker.locker.tenants;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.storage.Transactions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Creating and listing tenants, and resolving a tenant name for other features. */
public final class TenantService {
  private final Transactions transactions;
  private final TenantRepository tenants;
  private final Clock clock;

  public TenantService(Transactions transactions, TenantRepository tenants, Clock clock) {
    this.transactions = transactions;
    this.tenants = tenants;
    this.clock = clock;
  }

  /** Creates a tenant; {@link LockerException.Conflict} when the name is taken. */
  public Tenant create(TenantName name) {
    return transactions.inTransaction(
        () -> {
          if (tenants.find(name).isPresent()) {
            throw new LockerException.Conflict("tenant '" + name + "' already exists");
          }
          return tenants.create(name, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        });
  }

  public List<TenantSummary> list() {
    return transactions.read(tenants::list);
  }

  /** The tenant of that name; {@link LockerException.NotFound} otherwise. */
  public Tenant require(TenantName name) {
    return transactions.read(
        () ->
            tenants
                .find(name)
                .orElseThrow(
                    () -> new LockerException.NotFound("tenant '" + name + "' not found")));
  }
}
