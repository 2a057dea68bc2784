package io.keylocker.agent.lockerclient;

/**
 * Told when the locker answers a request with {@code 403 REVOKED} (this server was revoked), before
 * the request fails with {@code AgentException.Revoked}. Called on whichever thread made the
 * request, possibly many times; must be idempotent and must not throw.
 */
@FunctionalInterface
public interface RevocationListener {
  RevocationListener NONE = () -> {};

  void revoked();
}
