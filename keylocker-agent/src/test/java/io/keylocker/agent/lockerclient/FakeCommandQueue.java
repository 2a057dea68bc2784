package io.keylocker.agent.lockerclient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The locker's command queue for one agent, as docs/api.md describes it: a command is pending (and
 * returned by every poll) until completed; a poll waits for one when none is pending; a rotate
 * command is completed implicitly when a new version of its key is uploaded after it was queued
 * (switchable, to test the agent's own idempotency). Times have whole seconds, as the locker's.
 */
public final class FakeCommandQueue {
  public record Command(String id, String kind, Long keyId, Instant createdAt) {}

  public record Completion(String outcome, String message) {}

  public final Map<String, Completion> completed = new ConcurrentHashMap<>();
  /** How often each command was handed to the agent. */
  public final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
  public volatile boolean implicitRotateCompletion = true;
  private final List<Command> pending = new ArrayList<>();
  private boolean closed;

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  /** Queues a command ({@code keyId} null for kinds without one); returns its id. */
  public synchronized String queue(String kind, Long keyId) {
    Command command = new Command(UUID.randomUUID().toString(), kind, keyId, now());
    pending.add(command);
    notifyAll();
    return command.id();
  }

  public synchronized List<Command> pending() {
    return List.copyOf(pending);
  }

  synchronized List<Command> poll(int waitSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    long left = deadline - System.nanoTime();
    while (pending.isEmpty() && !closed && left > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
      left = deadline - System.nanoTime();
    }
    pending.forEach(c -> deliveries.merge(c.id(), 1, Integer::sum));
    return List.copyOf(pending);
  }

  /** False when the id is not pending (404). */
  synchronized boolean complete(String id, Completion completion) {
    boolean found = pending.removeIf(c -> c.id().equals(id));
    if (found) {
      completed.put(id, completion);
    }
    return found;
  }

  synchronized void uploaded(long keyId, Instant at) {
    if (implicitRotateCompletion) {
      pending.stream()
          .filter(c -> c.kind().equals("rotate") && c.keyId() == keyId && !c.createdAt().isAfter(at))
          .forEach(c -> completed.put(c.id(), new Completion("done", "implicitly, by the upload")));
      pending.removeIf(c -> completed.containsKey(c.id()));
    }
  }

  /** Ends every waiting poll (the locker stops). */
  synchronized void release() {
    closed = true;
    notifyAll();
  }

  synchronized void reopen() {
    closed = false;
  }
}
