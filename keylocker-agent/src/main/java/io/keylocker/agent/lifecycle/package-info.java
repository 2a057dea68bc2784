/**
 * The agent's side of the key lifecycle: {@link io.keylocker.agent.lifecycle.CommandLoop} long-polls
 * the locker for commands ({@code rotate}, {@code refresh}) through the {@link
 * io.keylocker.agent.lifecycle.CommandSource} port, runs them on the {@link
 * io.keylocker.agent.keyring.Keyring} (at least once, idempotently), completes them, backs off while
 * the locker is unreachable and keeps the {@link io.keylocker.agent.lifecycle.LockerLink} that
 * {@code agent status} shows.
 */
package io.keylocker.agent.lifecycle;
