package io.keylocker.locker.servers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the most recent {@code capacity} server events in memory, dropping the oldest. Not durable
 * and not an audit trail: a stand-in until the audit feature records these events properly.
 */
public final class InMemoryServerEvents implements ServerEvents {
  private final int capacity;
  private final Deque<ServerEvent> events = new ArrayDeque<>();

  public InMemoryServerEvents(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive");
    }
    this.capacity = capacity;
  }

  @Override
  public synchronized void record(ServerEvent event) {
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  /** The kept events, oldest first. */
  public synchronized List<ServerEvent> recent() {
    return List.copyOf(events);
  }
}
