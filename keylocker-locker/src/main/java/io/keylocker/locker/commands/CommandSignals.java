package io.keylocker.locker.commands;

import io.keylocker.locker.servers.ServerId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * In-process wake-up of long polls, one signal per server. A poller takes the server's current
 * signal <em>before</em> reading the pending commands and waits on it when there were none; whoever
 * queues a command signals the server <em>after</em> its transaction committed. So a command
 * committed after the read always completes a signal the poller holds: no wake-up is lost.
 * Single-process only; several locker nodes would need a shared notifier.
 */
final class CommandSignals implements AutoCloseable {
  private final Map<ServerId, CompletableFuture<Void>> signals = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** The signal a poller of {@code server} waits on; already complete once closed. */
  CompletableFuture<Void> current(ServerId server) {
    if (closed) {
      return CompletableFuture.completedFuture(null);
    }
    return signals.computeIfAbsent(server, ignored -> new CompletableFuture<>());
  }

  /** Wakes every poller of {@code server}. */
  void signal(ServerId server) {
    CompletableFuture<Void> signal = signals.remove(server);
    if (signal != null) {
      signal.complete(null);
    }
  }

  /**
   * Blocks (a virtual thread: the HTTP server runs handlers on them) until {@code signal} completes
   * or {@code wait} passes; true when signalled.
   */
  static boolean await(CompletableFuture<Void> signal, Duration wait) {
    try {
      signal.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("a command signal never fails", e);
    }
  }

  /** Wakes every waiting poller; later polls do not wait. */
  @Override
  public void close() {
    closed = true;
    signals.keySet().forEach(this::signal);
  }
}
