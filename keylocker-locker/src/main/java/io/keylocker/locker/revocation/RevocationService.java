package io.keylocker.locker.revocation;

import io.keylocker.locker.events.Reason;
import io.keylocker.locker.commands.CommandService;
import io.keylocker.locker.enrollment.EnrollmentTokenRepository;
import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerEvent;
import io.keylocker.locker.servers.ServerEvents;
import io.keylocker.locker.servers.ServerRef;
import io.keylocker.locker.servers.ServerRepository;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.servers.ServerState;
import io.keylocker.locker.storage.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Revokes a server (a stolen host): in one transaction its current certificate is refused for ever,
 * its unused enrollment tokens stop working and the event is recorded; after the commit its waiting
 * long polls are woken, so they answer 403 at once. Guarantees that the locker serves that
 * certificate nothing more; does not guarantee anything about keys the agent or the database
 * already hold (the agent wipes its own when it learns of the revocation).
 */
public final class RevocationService {

  private final Transactions transactions;
  private final ServerService serverService;
  private final ServerRepository servers;
  private final EnrollmentTokenRepository tokens;
  private final ServerEvents events;
  private final CommandService commands;
  private final Clock clock;

  /** The parts a revocation touches. */
  public record Parts(
      ServerService serverService,
      ServerRepository servers,
      EnrollmentTokenRepository tokens,
      ServerEvents events,
      CommandService commands) {}

  public RevocationService(Transactions transactions, Parts parts, Clock clock) {
    this.transactions = transactions;
    this.serverService = parts.serverService();
    this.servers = parts.servers();
    this.tokens = parts.tokens();
    this.events = parts.events();
    this.commands = parts.commands();
    this.clock = clock;
  }

  /**
   * Revokes the server: 400 for a reason that is blank or over 500 characters, 404 for an unknown
   * tenant or server, 409 when it is already revoked. Returns the revoked server.
   */
  public Server revoke(ServerRef ref, String reason) {
    Reason.require(reason);
    Server revoked =
        transactions.inTransaction(
            () -> {
              Server server = serverService.require(ref);
              if (server.state() == ServerState.REVOKED) {
                throw new LockerException.Conflict("server '" + ref + "' is already revoked");
              }
              Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
              servers.markRevoked(server, now, reason);
              tokens.supersedeUnused(server.id());
              events.record(new ServerEvent(ref, ServerEvent.Kind.REVOKED, reason, now));
              return servers.find(server.id()).orElseThrow();
            });
    commands.wake(revoked.id());
    return revoked;
  }
}
