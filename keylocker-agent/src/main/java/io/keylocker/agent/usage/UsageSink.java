package io.keylocker.agent.usage;

/** Where usage reports go: the locker. Failures are {@code AgentException}s. */
public interface UsageSink {
  void send(UsageReport report);
}
