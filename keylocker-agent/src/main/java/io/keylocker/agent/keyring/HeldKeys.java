package io.keylocker.agent.keyring;

import io.keylocker.agent.error.AgentException;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The one mutable slot of the {@link Keyring}: the current {@link UnlockedKeys} snapshot, or null
 * while locked. Readers run inside {@link #whileHeld} (read lock); every change takes the write
 * lock, so a snapshot's secrets are never wiped under a reader. A change prepared from a snapshot
 * is installed only if that snapshot is still current (no lock came between); otherwise what the
 * change added is wiped and it is refused.
 */
final class HeldKeys {
  private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
  /** Null while locked. Written only under the write lock. */
  private volatile UnlockedKeys current;
  /** Counts locks, so an unlock that raced with a lock is discarded. Guarded by the write lock. */
  private long locks;

  UnlockedKeys current() {
    return current;
  }

  long lockCount() {
    return whileHeld(() -> locks);
  }

  <T> T whileHeld(Supplier<T> reading) {
    guard.readLock().lock();
    try {
      return reading.get();
    } finally {
      guard.readLock().unlock();
    }
  }

  /** Installs a freshly opened snapshot unless a lock happened since {@code locksBefore}. */
  void install(UnlockedKeys opened, long locksBefore) {
    guard.writeLock().lock();
    try {
      if (locks != locksBefore) {
        opened.wipe();
        throw new AgentException.Refused("the agent was locked while unlocking; it stays locked");
      }
      current = opened;
    } finally {
      guard.writeLock().unlock();
    }
  }

  /**
   * Replaces {@code expected} by {@code next} (which shares some of its secrets) and wipes what
   * only {@code expected} held. When {@code expected} is no longer current, wipes what only
   * {@code next} held and throws {@code Refused} with {@code whenLocked}.
   */
  void replace(UnlockedKeys expected, UnlockedKeys next, String whenLocked) {
    guard.writeLock().lock();
    try {
      if (current != expected) {
        next.wipeAbsentFrom(expected);
        throw new AgentException.Refused(whenLocked);
      }
      current = next;
      expected.wipeAbsentFrom(next);
    } finally {
      guard.writeLock().unlock();
    }
  }

  /** Locks: wipes the KEK and every key. Returns whether anything was held. */
  boolean clear() {
    guard.writeLock().lock();
    try {
      locks++;
      UnlockedKeys old = current;
      current = null;
      if (old != null) {
        old.wipe();
      }
      return old != null;
    } finally {
      guard.writeLock().unlock();
    }
  }
}
