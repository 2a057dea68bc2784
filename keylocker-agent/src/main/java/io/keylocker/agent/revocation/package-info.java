/**
 * The agent's side of a server revocation: reacting to the locker's {@code 403 REVOKED} (wipe the
 * keys, delete the keyring cache) and the {@code S/revoked} marker that refuses unlocking for good.
 */
package io.keylocker.agent.revocation;
