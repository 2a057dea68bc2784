package io.keylocker.agent.usage;

import io.keylocker.agent.error.AgentException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that, every interval (the first time at once), takes a snapshot of the database,
 * builds the usage report and sends it to the locker, and remembers the outcome for {@code agent
 * status}. A failure is logged when it starts or changes, not at every interval.
 */
public final class UsageMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UsageMonitor.class);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  /** The last attempt: when, whether the report reached the locker, and a one-line summary or reason. */
  public record Outcome(Instant at, boolean sent, String message) {}

  private final DatabaseProbe probe;
  private final UsageSink sink;
  private final Clock clock;
  private final Duration interval;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread thread;
  private volatile Optional<Outcome> last = Optional.empty();

  private UsageMonitor(DatabaseProbe probe, UsageSink sink, Clock clock, Duration interval) {
    this.probe = probe;
    this.sink = sink;
    this.clock = clock;
    this.interval = interval;
    this.thread = Thread.ofVirtual().name("usage-monitor").unstarted(this::run);
  }

  public static UsageMonitor start(DatabaseProbe probe, UsageSink sink, Clock clock, Duration interval) {
    UsageMonitor monitor = new UsageMonitor(probe, sink, clock, interval);
    monitor.thread.start();
    return monitor;
  }

  /** The outcome of the last report; empty before the first one. */
  public Optional<Outcome> last() {
    return last;
  }

  private void run() {
    try {
      do {
        reportOnce();
      } while (!closed.await(interval.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reportOnce() {
    Instant at = clock.instant();
    Outcome outcome;
    try {
      UsageReport report = UsageReports.build(at, probe.snapshot());
      sink.send(report);
      outcome = new Outcome(at, true, summary(report));
    } catch (AgentException e) {
      outcome = new Outcome(at, false, e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("unexpected error while reporting key usage", e);
      outcome = new Outcome(at, false, "internal error (see the agent's log)");
    }
    Optional<Outcome> previous = last;
    last = Optional.of(outcome);
    if (!outcome.sent() && (previous.isEmpty() || !outcome.message().equals(previous.get().message()))) {
      LOG.warn("key usage report not sent: {}", outcome.message());
    } else if (outcome.sent() && previous.map(p -> !p.sent()).orElse(true)) {
      LOG.info("key usage report sent: {}", outcome.message());
    }
  }

  static String summary(UsageReport report) {
    return report.tablespaces().size() + " encrypted tablespaces, " + report.unencrypted().size() + " unencrypted tables, "
        + report.redoLog().map(k -> "redo log key " + k.keyId() + " version " + k.keyVersion()).orElse("redo log key unknown")
        + ", " + report.binlogs().map(b -> b.size() + " encrypted binary logs").orElse("binary logs unknown");
  }

  /** Stops after the report in progress, if any. */
  @Override
  public void close() {
    closed.countDown();
    try {
      thread.join(CLOSE_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
