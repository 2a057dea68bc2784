/**
 * The agent's one error hierarchy: {@link io.keylocker.agent.error.AgentException} and its five
 * kinds. Services throw these; each edge maps them exactly once (CLI exit codes, control-socket
 * error codes). Messages are one readable sentence and never contain secrets.
 */
package io.keylocker.agent.error;
