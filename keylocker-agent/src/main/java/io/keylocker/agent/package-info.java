/**
 * The agent deployable: {@link io.keylocker.agent.AgentDaemon} (composition root of the running
 * daemon: keyring, Vault edge, control socket), its validated {@link
 * io.keylocker.agent.AgentConfig}, and {@link io.keylocker.agent.AgentOperations}, the one-shot
 * operations the CLI runs without a daemon (enroll, init, MariaDB configuration, control client).
 */
package io.keylocker.agent;
