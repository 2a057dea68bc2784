package io.keylocker.locker.usage;

import java.time.Instant;

/** A server's latest usage report and when the locker received it. */
public record ReceivedUsage(UsageReport report, Instant receivedAt) {}
