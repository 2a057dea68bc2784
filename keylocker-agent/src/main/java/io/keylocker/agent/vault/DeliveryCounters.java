package io.keylocker.agent.vault;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** How many times each key version was delivered since the daemon started (for {@code agent status}). */
public final class DeliveryCounters {
  /** One counter, for status output. */
  public record Delivery(long keyId, long version, long count) {}

  private record KeyVersion(long keyId, long version) {}

  private final ConcurrentHashMap<KeyVersion, LongAdder> counts = new ConcurrentHashMap<>();

  void record(long keyId, long version) {
    counts.computeIfAbsent(new KeyVersion(keyId, version), k -> new LongAdder()).increment();
  }

  /** Every counter, by key id then version. */
  public List<Delivery> snapshot() {
    return counts.entrySet().stream()
        .map(e -> new Delivery(e.getKey().keyId(), e.getKey().version(), e.getValue().sum()))
        .sorted(Comparator.comparingLong(Delivery::keyId).thenComparingLong(Delivery::version))
        .toList();
  }
}
