/**
 * Agent commands: requests the locker queues for an agent ({@code rotate} a key, {@code refresh}
 * the keyring) and the agent fetches with a long poll and acknowledges (docs/api.md, "Agent
 * commands"). Owns the command store, the at-least-once delivery rule (pending until completed),
 * and the in-process wake-up of waiting polls.
 */
package io.keylocker.locker.commands;
