package io.keylocker.locker.commands;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.PendingRotations;
import io.keylocker.locker.keyrings.VersionNumber;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerId;
import io.keylocker.locker.storage.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Queues commands for agents and delivers them at least once: a command is returned by every poll
 * until the agent completes it. Queueing joins the caller's transaction; the caller then calls
 * {@link #wake} after its commit. {@link #close()} ends every waiting poll at once.
 */
public final class CommandService implements PendingRotations, AutoCloseable {
  private final Transactions transactions;
  private final CommandRepository commands;
  private final Clock clock;
  private final CommandSignals signals = new CommandSignals();

  public CommandService(Transactions transactions, CommandRepository commands, Clock clock) {
    this.transactions = transactions;
    this.commands = commands;
    this.clock = clock;
  }

  /**
   * The agent's pending commands: at once when there are any, else after the first command is
   * queued within {@code wait}, else empty when {@code wait} has passed or the locker stops.
   */
  public List<AgentCommand> poll(Server agent, Duration wait) {
    CompletableFuture<Void> signal = signals.current(agent.id());
    List<AgentCommand> pending = pending(agent.id());
    if (!pending.isEmpty() || wait.isZero() || !CommandSignals.await(signal, wait)) {
      return pending;
    }
    return pending(agent.id());
  }

  /** Marks the agent's command done or failed; repeated completion is accepted and ignored. */
  public void complete(Server agent, UUID id, CommandOutcome outcome, String message) {
    boolean known =
        transactions.inTransaction(
            () -> commands.complete(agent.id(), id, outcome, message, now()));
    if (!known) {
      throw new LockerException.NotFound("command not found");
    }
  }

  /**
   * Queues a rotation of {@code key} unless one is already pending, which is returned instead.
   * Joins the caller's transaction; call {@link #wake} after it committed.
   */
  public AgentCommand queueRotate(ServerId server, KeyId key) {
    return transactions.inTransaction(
        () -> {
          Optional<AgentCommand> pending =
              commands.pending(server).stream()
                  .filter(command -> command.key().equals(Optional.of(key)))
                  .findFirst();
          return pending.orElseGet(() -> add(server, CommandKind.ROTATE, Optional.of(key)));
        });
  }

  /** Queues a keyring refresh unless one is pending. Like {@link #queueRotate}, then wake. */
  public void queueRefresh(ServerId server) {
    transactions.run(
        () -> {
          if (commands.pending(server).stream()
              .noneMatch(command -> command.kind() == CommandKind.REFRESH)) {
            add(server, CommandKind.REFRESH, Optional.empty());
          }
        });
  }

  /** Wakes the server's waiting polls; call after the transaction that queued commits. */
  public void wake(ServerId server) {
    signals.signal(server);
  }

  /** A new version fulfils pending rotations of its key (same transaction as the upload). */
  @Override
  public void fulfil(ServerId server, KeyId key, VersionNumber version, Instant at) {
    commands.completeRotations(server, key, "version " + version.value() + " uploaded", at);
  }

  /** Forgets commands completed before {@code before} so the table stays bounded. */
  public int deleteCompletedBefore(Instant before) {
    return transactions.inTransaction(() -> commands.deleteCompletedBefore(before));
  }

  @Override
  public void close() {
    signals.close();
  }

  private List<AgentCommand> pending(ServerId server) {
    return transactions.read(() -> commands.pending(server));
  }

  private AgentCommand add(ServerId server, CommandKind kind, Optional<KeyId> key) {
    AgentCommand command = new AgentCommand(UUID.randomUUID(), server, kind, key, now());
    commands.add(command);
    return command;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
