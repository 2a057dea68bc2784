package io.keylocker.agent.state;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The files of the state directory and their modes (docs/api.md). */
public enum StateFile {
  AGENT_JSON("agent.json", false),
  LOCKER_CA("locker-ca.pem", true),
  AGENT_KEY("agent-key.pem", false),
  AGENT_CERT("agent-cert.pem", false),
  KEYRING_CACHE("keyring-cache.json", false),
  VAULT_TOKEN("vault-token", false),
  VAULT_CA("vault-ca.pem", true),
  VAULT_TLS("vault-tls.pem", false),
  VAULT_SETTINGS("vault.json", false),
  REVOKED("revoked", false);

  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

  private final String fileName;
  private final boolean worldReadable;

  StateFile(String fileName, boolean worldReadable) {
    this.fileName = fileName;
    this.worldReadable = worldReadable;
  }

  public String fileName() {
    return fileName;
  }

  /** 0644 for CA certificates other users need, 0600 for everything else. */
  public Set<PosixFilePermission> permissions() {
    return worldReadable ? WORLD_READABLE : OWNER_ONLY;
  }
}
