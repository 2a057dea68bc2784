package io.keylocker.agent.keyring;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keys.KeyIds;
import io.keylocker.agent.keys.KeyState;
import io.keylocker.agent.keys.ServedKeys;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.crypto.KekVerifier;
import io.keylocker.crypto.KeyWrapper;
import io.keylocker.crypto.PassphraseKdf;
import io.keylocker.crypto.SecretBytes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyring in memory: locked (nothing secret held) or unlocked (KEK and every unwrapped key
 * version held in {@link SecretBytes}). Guarantees: a wrong passphrase changes nothing; an unlock
 * either opens every version or holds nothing; {@link #lock()} wipes the KEK and every key while no
 * reader is inside {@link #whileHeld} (readers hold the read lock, lock takes the write lock).
 * Unlock, key creation, rotation and refresh run one at a time; lock never waits for them. Only
 * the active version is served as latest; destroyed versions are never held.
 */
public final class Keyring implements ServedKeys, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Keyring.class);
  static final int KEY_BYTES = 32;

  private final Enrollment owner;
  private final KeyringStore store;
  private final KeyWrapper wrapper;
  private final KekVerifier verifier;
  private final SecureRandom random;
  private final UnlockThrottle throttle;
  private final ReentrantLock operations = new ReentrantLock();
  private final HeldKeys held = new HeldKeys();

  public Keyring(Enrollment owner, KeyringStore store, Clock clock, SecureRandom random) {
    this.owner = owner;
    this.store = store;
    this.random = random;
    this.wrapper = new KeyWrapper(random);
    this.verifier = new KekVerifier(wrapper);
    this.throttle = new UnlockThrottle(clock);
  }

  /**
   * Unlocks with {@code passphrase} (which the caller still owns). When already unlocked the
   * passphrase is still checked, so a wrong one is reported, never silently accepted; nothing
   * changes either way.
   */
  public void unlock(SecretBytes passphrase) {
    PassphrasePolicy.requireBounded(passphrase);
    operations.lock();
    try {
      throttle.check();
      long locksBefore = held.lockCount();
      WrappedKeyring stored = store.load();
      SecretBytes kek = PassphraseKdf.deriveKek(passphrase, stored.kdf());
      try {
        if (!verifier.matches(kek, stored.verifier(), owner.tenant(), owner.keyringName())) {
          int failures = throttle.failed();
          LOG.warn("unlock refused: wrong passphrase ({} failed attempts in a row)", failures);
          throw new AgentException.AuthenticationFailed(
              "wrong passphrase: the agent stays " + (unlocked() ? "unlocked" : "locked"));
        }
        if (unlocked()) {
          kek.close();
          throttle.succeeded();
          return;
        }
        held.install(UnlockedKeys.open(stored, kek, wrapper, owner), locksBefore);
      } catch (RuntimeException e) {
        kek.close();
        throw e;
      }
      throttle.succeeded();
      LOG.info("unlocked: {} key versions of {}/{}", stored.versions().size(), owner.tenant(), owner.server());
    } finally {
      operations.unlock();
    }
    store.reportState(true);
  }

  /** Wipes the KEK and every unwrapped key. Waits only for readers inside {@link #whileHeld}. */
  public void lock() {
    if (held.clear()) {
      LOG.info("locked: KEK and key versions wiped");
      store.reportState(false);
    }
  }

  /**
   * Creates key {@code keyId} version 1: generated here, wrapped under the KEK, stored in the
   * locker, then served. Refused while locked and when the id exists (new versions come from
   * rotation, which the locker asks for).
   */
  public VersionInfo createKey(long keyId) {
    if (!KeyIds.validKeyId(keyId)) {
      throw new AgentException.InvalidInput("key ids are from 1 to " + KeyIds.MAX_KEY_ID + ", got " + keyId);
    }
    operations.lock();
    try {
      UnlockedKeys current = held.current();
      if (current == null) {
        throw new AgentException.Refused("the agent is locked (run: keylocker agent unlock)");
      }
      if (current.contains(keyId)) {
        throw new AgentException.Refused(
            "key " + keyId + " already exists; new versions come from rotation (keylocker key rotate)");
      }
      return storeAndServe(current, keyId, 1);
    } finally {
      operations.unlock();
    }
  }

  /**
   * Rotates {@code keyId} for a request the locker queued at {@code requestedAt}: generates version
   * last + 1, wraps and stores it, then serves it as latest. The keyring is first re-read from
   * the locker, and when its active version was created after {@code requestedAt} the rotation
   * already happened and nothing is created (a version created in the same second, as the locker
   * counts time, is not taken for it: at worst one version too many, never a rotation skipped).
   * Empty while locked (the request must wait for an unlock).
   */
  public Optional<Rotation> rotate(long keyId, Instant requestedAt) {
    operations.lock();
    try {
      UnlockedKeys current = held.current();
      if (current == null) {
        return Optional.empty();
      }
      WrappedKeyring stored = store.refresh();
      current = replace(current, stored);
      long last = stored.lastVersion(keyId)
          .orElseThrow(() -> new AgentException.NotFound("key " + keyId + " does not exist"));
      Optional<WrappedVersion> active = stored.active(keyId);
      if (active.isPresent() && active.get().createdAt().isAfter(requestedAt)) {
        return Optional.of(new Rotation(keyId, active.get().version(), false));
      }
      return Optional.of(upload(current, keyId, last + 1));
    } finally {
      operations.unlock();
    }
  }

  private Rotation upload(UnlockedKeys current, long keyId, long version) {
    try {
      storeAndServe(current, keyId, version);
      return new Rotation(keyId, version, true);
    } catch (AgentException.Refused refused) {
      // e.g. 409: an earlier attempt stored it but its answer was lost; then the locker's copy is served
      WrappedKeyring stored = store.refresh();
      if (!stored.contains(keyId, version)) {
        throw refused;
      }
      replace(current, stored);
      return new Rotation(keyId, version, false);
    }
  }

  /** The outcome of a rotation: the version now active, and whether this call created it. */
  public record Rotation(long keyId, long version, boolean created) {}

  /**
   * Re-reads the keyring from the locker (never from the cache), which replaces the cache, and when
   * unlocked replaces the keys in memory in one step: new versions are unwrapped with the held KEK,
   * states are updated, and versions the locker dropped or destroyed are wiped.
   */
  public void refresh() {
    operations.lock();
    try {
      WrappedKeyring stored = store.refresh();
      UnlockedKeys current = held.current();
      if (current != null) {
        replace(current, stored);
      }
    } finally {
      operations.unlock();
    }
  }

  /** Installs the keys of {@code stored} in place of {@code current}; Refused if a lock came between. */
  private UnlockedKeys replace(UnlockedKeys current, WrappedKeyring stored) {
    String whenLocked = "the agent was locked meanwhile; the keys in memory were not replaced";
    UnlockedKeys next = held.whileHeld(() -> {
      if (held.current() != current) {
        throw new AgentException.Refused(whenLocked);
      }
      return current.refreshed(stored, wrapper, owner);
    });
    held.replace(current, next, whenLocked);
    return next;
  }

  private VersionInfo storeAndServe(UnlockedKeys current, long keyId, long version) {
    SecretBytes material = SecretBytes.random(KEY_BYTES, random);
    try {
      byte[] wrapped = held.whileHeld(() -> {
        if (held.current() != current) {
          throw new AgentException.Refused("the agent was locked; no key version was created");
        }
        return wrapper.wrap(current.kek(), material, UnlockedKeys.context(owner, keyId, version));
      });
      Instant createdAt = store.addVersion(keyId, version, wrapped);
      held.replace(current, current.withActive(new ServedKey(keyId, version, createdAt, material)),
          "the agent was locked while key " + keyId + " version " + version
              + " was created; it is stored and will be served after unlock");
      LOG.info("created key {} version {}", keyId, version);
      return new VersionInfo(version, createdAt, KeyState.ACTIVE);
    } catch (RuntimeException e) {
      material.close();
      throw e;
    }
  }

  @Override
  public boolean unlocked() {
    return held.current() != null;
  }

  @Override
  public Optional<ServedKey> latest(long keyId) {
    UnlockedKeys keys = held.current();
    return keys == null ? Optional.empty() : keys.latest(keyId);
  }

  @Override
  public Optional<ServedKey> version(long keyId, long version) {
    UnlockedKeys keys = held.current();
    return keys == null ? Optional.empty() : keys.version(keyId, version);
  }

  @Override
  public Optional<KeyHistory> history(long keyId) {
    UnlockedKeys keys = held.current();
    return keys == null ? Optional.empty() : keys.history(keyId);
  }

  @Override
  public List<Long> keyIds() {
    UnlockedKeys keys = held.current();
    return keys == null ? List.of() : keys.keyIds();
  }

  @Override
  public <T> T whileHeld(Supplier<T> reading) {
    return held.whileHeld(reading);
  }

  /** Locks (wipes everything). */
  @Override
  public void close() {
    lock();
  }
}
