package io.keylocker.locker.usage;

import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerId;
import io.keylocker.locker.storage.Transactions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Keeps each server's latest usage report and answers "is this version in use?". */
public final class UsageService {
  private final Transactions transactions;
  private final UsageRepository reports;
  private final Clock clock;

  public UsageService(Transactions transactions, UsageRepository reports, Clock clock) {
    this.transactions = transactions;
    this.reports = reports;
    this.clock = clock;
  }

  /** Stores the agent's report as its server's latest. */
  public void record(Server agent, UsageReport report) {
    transactions.run(
        () -> reports.save(agent.id(), report, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
  }

  /** The server's latest report; joins the caller's transaction. */
  public Optional<ReceivedUsage> latest(ServerId server) {
    return transactions.read(() -> reports.find(server));
  }

  /** {@link VersionUsage} of one version by the server's latest report. */
  public VersionUsage usage(ServerId server, KeyId key, KeyVersion version) {
    return VersionUsage.of(latest(server).map(ReceivedUsage::report), key, version);
  }
}
