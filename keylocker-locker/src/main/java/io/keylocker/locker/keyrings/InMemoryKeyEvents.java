package io.keylocker.locker.keyrings;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the most recent {@code capacity} events in memory, dropping the oldest. Not durable and not
 * an audit trail: a stand-in until the audit feature records these events properly.
 */
public final class InMemoryKeyEvents implements KeyEvents {
  private final int capacity;
  private final Deque<KeyEvent> events = new ArrayDeque<>();

  public InMemoryKeyEvents(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized void record(KeyEvent event) {
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  /** The kept events, oldest first. */
  public synchronized List<KeyEvent> recent() {
    return List.copyOf(events);
  }
}
