/**
 * {@code keylocker agent ...}: picocli subcommands. Each one parses its options, makes one call
 * into {@link io.keylocker.agent.AgentOperations}, the control client or {@link
 * io.keylocker.agent.AgentDaemon}, and maps failures to the exit codes of docs/api.md with one line
 * {@code keylocker: <message>} on stderr.
 */
package io.keylocker.agent.command;
