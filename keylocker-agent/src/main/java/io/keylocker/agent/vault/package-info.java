/**
 * The HashiCorp-Vault-compatible KV v2 edge the database talks to (see
 * reference/vault-kv-clients.md): HTTPS on Jetty 12 core with the agent's own local CA, one token,
 * read-only key endpoints plus the {@code sys/} and {@code auth/} calls MariaDB, Percona and hvac
 * make. Reads keys only through {@link io.keylocker.agent.keys.ServedKeys}; builds the key response
 * by hand into a byte array that is zeroed once written.
 */
package io.keylocker.agent.vault;
