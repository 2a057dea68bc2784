package io.keylocker.agent.keyring;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keys.KeyIds;
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
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyring in memory: locked (nothing secret held) or unlocked (KEK and every unwrapped key
 * version held in {@link SecretBytes}). Guarantees: a wrong passphrase changes nothing; an unlock
 * either opens every version or holds nothing; {@link #lock()} wipes the KEK and every key while no
 * reader is inside {@link #whileHeld} (readers hold the read lock, lock takes the write lock).
 * Unlock and key creation run one at a time; lock never waits for them.
 */
public final class Keyring implements ServedKeys, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Keyring.class);
  static final int KEY_BYTES = 32;
  static final String ACTIVE = "active";

  private final Enrollment owner;
  private final KeyringStore store;
  private final KeyWrapper wrapper;
  private final KekVerifier verifier;
  private final SecureRandom random;
  private final UnlockThrottle throttle;
  private final ReentrantLock operations = new ReentrantLock();
  private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
  /** Null while locked. Written only under the write lock. */
  private volatile UnlockedKeys unlocked;
  /** Counts locks, so an unlock that raced with a lock is discarded. Guarded by the write lock. */
  private long locks;

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
      long locksBefore = lockCount();
      WrappedKeyring stored = store.load();
      SecretBytes kek = PassphraseKdf.deriveKek(passphrase, stored.kdf());
      try {
        if (!verifier.matches(kek, stored.verifier(), owner.tenant(), owner.keyringName())) {
          int failures = throttle.failed();
          LOG.warn("unlock refused: wrong passphrase ({} failed attempts in a row)", failures);
          throw new AgentException.AuthenticationFailed(
              "wrong passphrase: the agent stays " + (unlocked == null ? "locked" : "unlocked"));
        }
        if (unlocked != null) {
          kek.close();
          throttle.succeeded();
          return;
        }
        install(UnlockedKeys.open(stored, kek, wrapper, owner), locksBefore);
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

  private void install(UnlockedKeys opened, long locksBefore) {
    guard.writeLock().lock();
    try {
      if (locks != locksBefore) {
        opened.wipe();
        throw new AgentException.Refused("the agent was locked while unlocking; it stays locked");
      }
      unlocked = opened;
    } finally {
      guard.writeLock().unlock();
    }
  }

  private long lockCount() {
    guard.readLock().lock();
    try {
      return locks;
    } finally {
      guard.readLock().unlock();
    }
  }

  /** Wipes the KEK and every unwrapped key. Waits only for readers inside {@link #whileHeld}. */
  public void lock() {
    boolean wasUnlocked;
    guard.writeLock().lock();
    try {
      locks++;
      UnlockedKeys old = unlocked;
      unlocked = null;
      wasUnlocked = old != null;
      if (wasUnlocked) {
        old.wipe();
      }
    } finally {
      guard.writeLock().unlock();
    }
    if (wasUnlocked) {
      LOG.info("locked: KEK and key versions wiped");
      store.reportState(false);
    }
  }

  /**
   * Creates key {@code keyId} version 1: generated here, wrapped under the KEK, stored in the
   * locker, then served. Refused while locked and when the id exists (rotation comes later).
   */
  public VersionInfo createKey(long keyId) {
    if (!KeyIds.validKeyId(keyId)) {
      throw new AgentException.InvalidInput("key ids are from 1 to " + KeyIds.MAX_KEY_ID + ", got " + keyId);
    }
    operations.lock();
    try {
      UnlockedKeys current = unlocked;
      if (current == null) {
        throw new AgentException.Refused("the agent is locked (run: keylocker agent unlock)");
      }
      if (current.contains(keyId)) {
        throw new AgentException.Refused(
            "key " + keyId + " already exists; adding versions to an existing key (rotation) is not supported yet");
      }
      return storeAndServe(current, keyId);
    } finally {
      operations.unlock();
    }
  }

  private VersionInfo storeAndServe(UnlockedKeys current, long keyId) {
    SecretBytes material = SecretBytes.random(KEY_BYTES, random);
    try {
      byte[] wrapped = whileHeld(() -> {
        if (unlocked != current) {
          throw new AgentException.Refused("the agent was locked; the key was not created");
        }
        return wrapper.wrap(current.kek(), material, UnlockedKeys.context(owner, keyId, 1));
      });
      Instant createdAt = store.addVersion(keyId, 1, wrapped);
      guard.writeLock().lock();
      try {
        if (unlocked != current) {
          throw new AgentException.Refused(
              "the agent was locked while key " + keyId + " was created; it is stored and will be served after unlock");
        }
        unlocked = current.with(new ServedKey(keyId, 1, createdAt, material), ACTIVE);
      } finally {
        guard.writeLock().unlock();
      }
      LOG.info("created key {} version 1", keyId);
      return new VersionInfo(1, createdAt, ACTIVE);
    } catch (RuntimeException e) {
      material.close();
      throw e;
    }
  }

  @Override
  public boolean unlocked() {
    return unlocked != null;
  }

  @Override
  public Optional<ServedKey> latest(long keyId) {
    UnlockedKeys keys = unlocked;
    return keys == null ? Optional.empty() : keys.latest(keyId);
  }

  @Override
  public Optional<ServedKey> version(long keyId, long version) {
    UnlockedKeys keys = unlocked;
    return keys == null ? Optional.empty() : keys.version(keyId, version);
  }

  @Override
  public Optional<KeyHistory> history(long keyId) {
    UnlockedKeys keys = unlocked;
    return keys == null ? Optional.empty() : keys.history(keyId);
  }

  @Override
  public List<Long> keyIds() {
    UnlockedKeys keys = unlocked;
    return keys == null ? List.of() : keys.keyIds();
  }

  @Override
  public <T> T whileHeld(Supplier<T> reading) {
    guard.readLock().lock();
    try {
      return reading.get();
    } finally {
      guard.readLock().unlock();
    }
  }

  /** Locks (wipes everything). */
  @Override
  public void close() {
    lock();
  }
}
