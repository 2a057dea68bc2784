package io.keylocker.agent.revocation;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.lockerclient.RevocationListener;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the agent does when the locker says this server was revoked: wipe the KEK and every key
 * (the {@code wipe} given at construction), delete the wrapped keyring cache, and record the
 * revocation in {@code S/revoked} so that unlocking is refused from then on, across restarts and
 * without the locker. Guarantees that this agent never serves a key again from this state
 * directory; does not reach keys the database already loaded (they stay in its memory until it
 * stops). Idempotent and thread-safe.
 */
public final class Revocation implements RevocationListener {
  private static final Logger LOG = LoggerFactory.getLogger(Revocation.class);

  private final StateDirectory state;
  private final Clock clock;
  private volatile Runnable wipe = () -> {};

  public Revocation(StateDirectory state, Clock clock) {
    this.state = state;
    this.clock = clock;
  }

  /** What wipes the keys in memory (the keyring's lock), set once the keyring exists. */
  public void wipeWith(Runnable wipe) {
    this.wipe = wipe;
  }

  @Override
  public synchronized void revoked() {
    try {
      wipe.run();
      boolean first = revokedAt().isEmpty();
      if (first) {
        String at = clock.instant().toString();
        state.write(StateFile.REVOKED, at.getBytes(StandardCharsets.US_ASCII));
      }
      state.delete(StateFile.KEYRING_CACHE);
      if (first) {
        LOG.error("the locker revoked this server: keys wiped, keyring cache deleted; re-enroll");
      }
    } catch (RuntimeException e) {
      LOG.error("the locker revoked this server, but cleaning up failed: {}", e.getMessage());
    }
  }

  /** When the locker revoked this server, as recorded in {@code S/revoked}; empty when it did not. */
  public Optional<Instant> revokedAt() {
    return state.readIfPresent(StateFile.REVOKED).map(Revocation::parse);
  }

  /** {@link AgentException.Revoked} once this server was revoked. */
  public void requireNotRevoked() {
    if (state.exists(StateFile.REVOKED)) {
      throw new AgentException.Revoked();
    }
  }

  /** An unreadable marker still means revoked: its time is then unknown (the epoch). */
  private static Instant parse(byte[] marker) {
    try {
      return Instant.parse(new String(marker, StandardCharsets.US_ASCII).strip());
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
