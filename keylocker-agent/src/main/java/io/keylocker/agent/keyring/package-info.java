/**
 * The agent's keyring in memory: creation ({@link io.keylocker.agent.keyring.KeyringSetup}),
 * unlock with the passphrase, lock (wipes the KEK and every unwrapped key version) and key creation
 * ({@link io.keylocker.agent.keyring.Keyring}, which the database edges read through {@link
 * io.keylocker.agent.keys.ServedKeys}). Talks to the locker only through the {@link
 * io.keylocker.agent.keyring.KeyringStore} port and never writes plaintext keys or the KEK anywhere.
 */
package io.keylocker.agent.keyring;
