package io.keylocker.agent.usage;

/** Asks the database what it encrypts with which key versions. Failures are {@code AgentException}s. */
public interface DatabaseProbe {
  DatabaseSnapshot snapshot();
}
