package io.keylocker.locker.events;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the most recent {@code capacity} events in memory, dropping the oldest. Not durable and not
 * an audit trail: the stand-in behind the event ports ({@code KeyEvents}, {@code ServerEvents})
 * until the audit feature records events properly.
 */
public final class RecentEvents<E> {
  private final int capacity;
  private final Deque<E> events = new ArrayDeque<>();

  public RecentEvents(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  public synchronized void add(E event) {
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  /** The kept events, oldest first. */
  public synchronized List<E> recent() {
    return List.copyOf(events);
  }
}
