package io.keylocker.agent.lifecycle;

import java.time.Duration;
import java.util.List;

/**
 * Where commands for this agent come from: the locker's long poll. Failures are {@code
 * AgentException}s ({@code Unreachable} when the locker cannot be reached).
 */
public interface CommandSource {
  /** The pending commands; waits up to {@code wait} for one when there are none. */
  List<PendingCommand> poll(Duration wait);

  /** Marks a command completed; {@code message} is one readable sentence without secrets. */
  void complete(String commandId, Outcome outcome, String message);

  /** How a command ended. */
  enum Outcome {
    DONE("done"),
    FAILED("failed");

    private final String wireName;

    Outcome(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}
