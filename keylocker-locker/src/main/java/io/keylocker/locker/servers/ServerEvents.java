package io.keylocker.locker.servers;

/**
 * Where server-wide events (a revocation) are reported. Called inside the transaction that makes
 * the change; must not block for long and must not throw for ordinary reasons. The audit feature
 * will provide the durable implementation; until then {@link io.keylocker.locker.events.RecentEvents} keeps the recent
 * ones.
 */
@FunctionalInterface
public interface ServerEvents {
  void record(ServerEvent event);
}
