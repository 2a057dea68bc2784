package io.keylocker.agent.vault;

/**
 * One Vault response: status and JSON body (the first {@code length} bytes of {@code body}). When
 * {@code secret} is true the body holds key material and is zeroed once written.
 */
record VaultReply(int status, byte[] body, int length, boolean secret) {
  static final VaultReply NOT_FOUND = of(404, VaultBodies.error());
  static final VaultReply PERMISSION_DENIED = of(403, VaultBodies.error("permission denied"));
  static final VaultReply SEALED = of(503, VaultBodies.error("Vault is sealed"));
  static final VaultReply READ_ONLY = of(405, VaultBodies.error(
      "this endpoint is read-only: keys are created with `keylocker agent key create`"));
  static final VaultReply UNSUPPORTED = of(405, VaultBodies.error("unsupported operation"));

  static VaultReply of(int status, byte[] body) {
    return new VaultReply(status, body, body.length, false);
  }

  static VaultReply ok(byte[] body) {
    return of(200, body);
  }

  static VaultReply badRequest(String message) {
    return of(400, VaultBodies.error(message));
  }

  static VaultReply secret(JsonBuffer body) {
    return new VaultReply(200, body.array(), body.length(), true);
  }
}
