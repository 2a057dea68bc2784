/**
 * The agent's state directory (layout in docs/api.md): a 0700 directory whose secret files are
 * created 0600 from their first byte and replaced atomically (temporary file, fsync, rename), plus
 * the small records persisted in it ({@link io.keylocker.agent.state.Enrollment}, {@link
 * io.keylocker.agent.state.VaultSettings}).
 */
package io.keylocker.agent.state;
