/**
 * The agent's client of the locker's agent API (docs/api.md) over java.net.http: enrollment with
 * a {@code kle1.} token (TLS pinned to the token's CA fingerprint), then mTLS with the agent's own
 * certificate for the keyring ({@link io.keylocker.agent.lockerclient.LockerKeyringStore}, which also
 * keeps the wrapped-keyring cache) and heartbeats. JSON DTOs stay in this package.
 */
package io.keylocker.agent.lockerclient;
