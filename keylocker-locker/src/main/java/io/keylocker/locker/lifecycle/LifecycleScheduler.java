package io.keylocker.locker.lifecycle;

import io.keylocker.locker.commands.CommandService;
import io.keylocker.locker.keyrings.KeyEntry;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyLifecycle;
import io.keylocker.locker.keyrings.KeyState;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.KeyringRef;
import io.keylocker.locker.keyrings.KeyringRepository;
import io.keylocker.locker.servers.ServerId;
import io.keylocker.locker.storage.Database;
import io.keylocker.locker.usage.UsageService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The locker's lifecycle clock: at start and every minute it queues a rotation for every key whose
 * active version has outlived the cryptoperiod (at most one pending per key), runs due destroys
 * (re-checking "in use": a version still in use stays scheduled and the reason is recorded), runs
 * due destroys of whole keyrings of revoked servers (every version, active ones included, without
 * "in use" checks: decommissioning), and forgets commands completed long ago. One thread; {@link #runOnce()} may also be called directly.
 */
public final class LifecycleScheduler implements AutoCloseable {
  static final Duration PERIOD = Duration.ofSeconds(60);
  static final Duration KEEP_COMPLETED_COMMANDS = Duration.ofDays(30);
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleScheduler.class);
  static final String DECOMMISSIONED = "keyring destroyed: server decommissioned";

  private final Database database;
  private final KeyringRepository keyrings;
  private final KeyLifecycle lifecycle;
  private final CommandService commands;
  private final UsageService usage;
  private final Clock clock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("locker-lifecycle").daemon().factory());

  public LifecycleScheduler(
      Database database,
      KeyringRepository keyrings,
      KeyLifecycle lifecycle,
      CommandService commands,
      UsageService usage,
      Clock clock) {
    this.database = database;
    this.keyrings = keyrings;
    this.lifecycle = lifecycle;
    this.commands = commands;
    this.usage = usage;
    this.clock = clock;
  }

  /** Runs a pass now and then every {@link #PERIOD}. */
  public void start() {
    executor.scheduleWithFixedDelay(this::runLogged, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One pass over every keyring; passes never overlap. */
  public synchronized void runOnce() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Set<ServerId> wake = new LinkedHashSet<>();
    queueDueRotations(now, wake);
    boolean destroyed = runDueDestroys(now, wake);
    destroyed |= runDueKeyringDestroys(now, wake);
    commands.deleteCompletedBefore(now.minus(KEEP_COMPLETED_COMMANDS));
    wake.forEach(commands::wake);
    if (destroyed) {
      database.truncateLog();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("lifecycle scheduler did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runLogged() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.error("lifecycle pass failed; retrying in {} s", PERIOD.toSeconds(), e);
    }
  }

  private void queueDueRotations(Instant now, Set<ServerId> wake) {
    database.run(
        () ->
            keyrings
                .activePastCryptoperiod(now)
                .forEach(
                    due -> {
                      commands.queueRotate(due.keyring().server(), due.key());
                      wake.add(due.keyring().server());
                    }));
  }

  private boolean runDueDestroys(Instant now, Set<ServerId> wake) {
    boolean destroyed = false;
    for (KeyringRepository.Scheduled due : database.read(() -> keyrings.destroysDue(now))) {
      try {
        destroyed |= database.inTransaction(() -> destroy(due, now, wake));
      } catch (RuntimeException e) {
        LOG.error(
            "destroy of version {} of key {} of {} failed",
            due.version().value(),
            due.key().key().value(),
            due.key().keyring().owner(),
            e);
      }
    }
    return destroyed;
  }

  /** Runs one due destroy unless cancelled meanwhile or still in use; true when it ran. */
  private boolean destroy(KeyringRepository.Scheduled due, Instant now, Set<ServerId> wake) {
    KeyringRef keyring = due.key().keyring();
    KeyId key = due.key().key();
    Optional<KeyVersion> version = keyrings.findVersion(keyring.id(), key, due.version());
    if (version.isEmpty() || version.get().destroy().isEmpty()) {
      return false;
    }
    Optional<String> refusal =
        usage.usage(keyring.server(), key, version.get()).refusal(key, due.version());
    if (refusal.isPresent()) {
      keyrings.blockDestroy(keyring.id(), key, due.version(), refusal.get());
      return false;
    }
    destroyVersion(keyring, key, version.get(), "scheduled destroy ran", now, wake);
    return true;
  }

  private boolean runDueKeyringDestroys(Instant now, Set<ServerId> wake) {
    boolean destroyed = false;
    for (KeyringRef due : database.read(() -> keyrings.keyringDestroysDue(now))) {
      try {
        destroyed |= database.inTransaction(() -> destroyKeyring(due, now, wake));
      } catch (RuntimeException e) {
        LOG.error("destroy of the keyring of {} failed", due.owner(), e);
      }
    }
    return destroyed;
  }

  /**
   * Destroys every version of a decommissioned server's keyring, unless cancelled or re-enrolled
   * meanwhile: active versions are deactivated first, then each goes to destroyed through the same
   * path as a single destroy. True when it ran.
   */
  private boolean destroyKeyring(KeyringRef keyring, Instant now, Set<ServerId> wake) {
    if (!keyrings.keyringDestroysDue(now).contains(keyring)) {
      return false;
    }
    for (KeyEntry key : keyrings.keys(keyring.id())) {
      for (KeyVersion version : key.versions()) {
        KeyVersion current = version;
        if (current.state() == KeyState.ACTIVE) {
          lifecycle.move(keyring, key.id(), current, KeyState.DEACTIVATED, DECOMMISSIONED, now);
          current = keyrings.findVersion(keyring.id(), key.id(), current.version()).orElseThrow();
        }
        if (current.state() != KeyState.DESTROYED) {
          destroyVersion(keyring, key.id(), current, DECOMMISSIONED, now, wake);
        }
      }
    }
    keyrings.scheduleKeyringDestroy(keyring.id(), Optional.empty());
    LOG.info("destroyed the keyring of {} (server decommissioned)", keyring.owner());
    return true;
  }

  /** Destroys one version (its blob is deleted) and tells the agent to refresh. */
  private void destroyVersion(
      KeyringRef keyring,
      KeyId key,
      KeyVersion version,
      String reason,
      Instant now,
      Set<ServerId> wake) {
    lifecycle.move(keyring, key, version, KeyState.DESTROYED, reason, now);
    commands.queueRefresh(keyring.server());
    wake.add(keyring.server());
    LOG.info(
        "destroyed version {} of key {} of {}",
        version.version().value(),
        key.value(),
        keyring.owner());
  }
}
