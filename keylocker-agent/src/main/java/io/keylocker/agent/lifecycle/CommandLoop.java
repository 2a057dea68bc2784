package io.keylocker.agent.lifecycle;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keyring.Keyring;
import io.keylocker.agent.lifecycle.CommandSource.Outcome;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that long-polls the locker for commands and runs them on the keyring: {@code rotate}
 * (only while unlocked: when locked it stays pending, and {@link #wake()} after an unlock polls at
 * once), {@code refresh}, and anything else is completed as failed. Delivery is at least once and
 * the keyring's operations are idempotent, so a command seen twice has one effect. When the locker
 * cannot be reached the loop backs off (1 s doubling to 30 s) and records it in the {@link
 * LockerLink}; a command is completed only after it ran.
 */
public final class CommandLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CommandLoop.class);
  /** How long one poll may wait at the locker (the contract allows up to 30 s). */
  static final Duration WAIT = Duration.ofSeconds(25);
  /** Pause while only commands that need an unlock are pending (an unlock ends it at once). */
  private static final Duration WHILE_LOCKED = Duration.ofSeconds(30);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final int REMEMBERED_ROTATIONS = 1000;

  private final CommandSource source;
  private final Keyring keyring;
  private final LockerLink link;
  private final Backoff backoff = new Backoff();
  private final Semaphore wake = new Semaphore(0);
  /** Rotate commands this loop ran, with the version now active (oldest dropped first). Loop thread only. */
  private final LinkedHashMap<String, Long> rotated = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  private CommandLoop(CommandSource source, Keyring keyring, LockerLink link) {
    this.source = source;
    this.keyring = keyring;
    this.link = link;
    this.thread = Thread.ofVirtual().name("locker-commands").unstarted(this::run);
  }

  /** Starts polling at once. */
  public static CommandLoop start(CommandSource source, Keyring keyring, LockerLink link) {
    CommandLoop loop = new CommandLoop(source, keyring, link);
    loop.thread.start();
    return loop;
  }

  /** Ends a pause early, so the next poll happens now (call it after an unlock). */
  public void wake() {
    wake.release();
  }

  private void run() {
    while (!closed) {
      Duration pause;
      try {
        pause = pollOnce();
      } catch (AgentException e) {
        failed(e.getMessage());
        pause = backoff.next();
      } catch (RuntimeException e) {
        LOG.error("unexpected error in the locker command loop", e);
        failed("internal error (see the agent's log)");
        pause = backoff.next();
      }
      if (!pause.isZero()) {
        park(pause);
      }
    }
  }

  /**
   * One poll and the commands it returned; returns the pause before the next poll. The first poll
   * and the first after a failure do not wait at the locker, so the link's state is known at once.
   */
  private Duration pollOnce() {
    LockerLink.Status known = link.status();
    boolean settled = known.lastContact().isPresent() && known.reachable();
    List<PendingCommand> commands = source.poll(settled ? WAIT : Duration.ZERO);
    answered();
    boolean waitingForUnlock = false;
    Set<String> seen = new HashSet<>();
    for (PendingCommand command : commands) {
      if (!closed && seen.add(command.id())) {
        waitingForUnlock |= !execute(command);
      }
    }
    return waitingForUnlock ? WHILE_LOCKED : Duration.ZERO;
  }

  /** Runs and completes {@code command}; false when it must wait for an unlock (left pending). */
  private boolean execute(PendingCommand command) {
    Optional<String> done;
    try {
      done = handle(command);
    } catch (AgentException.Unreachable e) {
      throw e;
    } catch (AgentException e) {
      LOG.warn("command {} ({}) failed: {}", command.id(), command.kind(), e.getMessage());
      source.complete(command.id(), Outcome.FAILED, e.getMessage());
      return true;
    }
    if (done.isEmpty()) {
      return false;
    }
    LOG.info("command {} ({}) done: {}", command.id(), command.kind(), done.get());
    source.complete(command.id(), Outcome.DONE, done.get());
    return true;
  }

  /** What the command did; empty when it has to wait for an unlock. */
  private Optional<String> handle(PendingCommand command) {
    return switch (command.kind()) {
      case PendingCommand.ROTATE -> rotate(command);
      case PendingCommand.REFRESH -> {
        keyring.refresh();
        yield Optional.of("keyring refreshed");
      }
      default -> throw new AgentException.Refused("this agent does not know commands of kind '" + command.kind() + "'");
    };
  }

  /**
   * A command seen again after it ran (its completion was lost) is only completed; the keyring's
   * own check covers a rotation this process did not run (a restart between upload and completion).
   */
  private Optional<String> rotate(PendingCommand command) {
    long keyId = command.keyId()
        .orElseThrow(() -> new AgentException.InvalidInput("the rotate command names no key_id"));
    Long done = rotated.get(command.id());
    if (done != null) {
      return Optional.of("key " + keyId + " version " + done + " was already created for this rotation");
    }
    return keyring.rotate(keyId, command.createdAt()).map(r -> {
      rotated.put(command.id(), r.version());
      if (rotated.size() > REMEMBERED_ROTATIONS) {
        rotated.pollFirstEntry();
      }
      return r.created()
          ? "created key " + keyId + " version " + r.version()
          : "key " + keyId + " version " + r.version() + " was already created for this rotation";
    });
  }

  private void answered() {
    if (!link.status().reachable()) {
      LOG.info("the locker answers again");
    }
    link.answered();
    backoff.reset();
  }

  private void failed(String problem) {
    if (link.status().reachable() && !closed) {
      LOG.warn("cannot poll the locker for commands ({}); retrying, backing off up to {} s", problem,
          Backoff.MAX.toSeconds());
    }
    link.failed(problem);
  }

  private void park(Duration pause) {
    try {
      if (wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
        wake.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** Stops polling (an exchange in flight is aborted) and waits a moment for the thread. */
  @Override
  public void close() {
    closed = true;
    wake.release();
    thread.interrupt();
    try {
      thread.join(CLOSE_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
