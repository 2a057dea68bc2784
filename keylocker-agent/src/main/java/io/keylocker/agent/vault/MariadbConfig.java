package io.keylocker.agent.vault;

import io.keylocker.agent.state.VaultSettings;
import java.nio.file.Path;

/**
 * The {@code [mariadb]} section that points MariaDB's {@code hashicorp_key_management} plugin
 * (option names of MariaDB 10.11, reference/vault-kv-clients.md §1.1) at the agent's Vault edge
 * and turns on data-at-rest encryption.
 */
public final class MariadbConfig {
  private MariadbConfig() {}

  public static String render(VaultSettings vault, String token, Path vaultCa) {
    return String.join("\n",
        "# Keylocker agent: MariaDB data-at-rest encryption with keys served by the agent's Vault endpoint.",
        "# Put this in a file mariadbd reads, e.g. /etc/mysql/mariadb.conf.d/99-keylocker.cnf. It holds the",
        "# agent's Vault token: make it readable by root and the mysql user only (chmod 0640, group mysql).",
        "[mariadb]",
        "plugin-load-add=hashicorp_key_management",
        "hashicorp-key-management-vault-url=" + vault.mountUrl(),
        "hashicorp-key-management-token=" + token,
        "# The CA of the agent's Vault endpoint. MariaDB's user (mysql) must be able to read it: the",
        "# state directory is 0700, so use mariadb-config --vault-ca-out /etc/mysql/keylocker-vault-ca.pem",
        "# unless mariadbd runs as the agent's user.",
        "hashicorp-key-management-vault-ca=" + vaultCa.toAbsolutePath(),
        "# Cache key material in MariaDB, but ask the agent for the latest version every time: the",
        "# plugin's cache timers count CPU time, not wall time, so with a version timeout an idle",
        "# server may not see a rotation for hours. The agent answers from memory.",
        "hashicorp-key-management-caching-enabled=on",
        "hashicorp-key-management-cache-version-timeout=0",
        "# Keep using cached keys when the agent does not answer in time.",
        "hashicorp-key-management-use-cache-on-timeout=on",
        "# Encrypt InnoDB tables and the redo log (key 1 must exist: keylocker agent init creates it).",
        "innodb_encrypt_tables=ON",
        "innodb_encrypt_log=ON",
        "# Background threads that encrypt and re-encrypt pages.",
        "innodb_encryption_threads=4",
        "# Re-encrypt pages once their key is one version behind the latest.",
        "innodb_encryption_rotate_key_age=1",
        "# Binary logs, temporary files and Aria tables too.",
        "encrypt_binlog=ON",
        "encrypt_tmp_files=ON",
        "aria_encrypt_tables=ON",
        "");
  }
}
