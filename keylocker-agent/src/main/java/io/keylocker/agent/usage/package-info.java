/**
 * Which key versions the database still uses: {@link io.keylocker.agent.usage.UsageMonitor} asks
 * the {@link io.keylocker.agent.usage.DatabaseProbe} (MariaDB over JDBC plus the first bytes of its
 * redo and binary logs: {@link io.keylocker.agent.usage.MariaDbProbe}, {@link
 * io.keylocker.agent.usage.LogHeaders}) every interval, turns the answer into a {@link
 * io.keylocker.agent.usage.UsageReport} ({@link io.keylocker.agent.usage.UsageReports}, pure) and
 * hands it to the {@link io.keylocker.agent.usage.UsageSink} (the locker). What cannot be read is
 * reported as unknown, never guessed: the locker then keeps the versions it might need.
 */
package io.keylocker.agent.usage;
