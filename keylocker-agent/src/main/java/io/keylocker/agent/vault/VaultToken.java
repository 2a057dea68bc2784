package io.keylocker.agent.vault;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The one token the database presents to the Vault edge ({@code S/vault-token}, 0600): {@code hvs.}
 * followed by base64url of 24 random bytes, created on first use and kept across restarts.
 */
public final class VaultToken {
  private static final int RANDOM_BYTES = 24;

  private VaultToken() {}

  /** The token, created if missing. The caller owns (and closes) it. */
  public static SecretBytes loadOrCreate(StateDirectory state, SecureRandom random) {
    byte[] stored = state.readIfPresent(StateFile.VAULT_TOKEN).orElseGet(() -> create(state, random));
    try {
      int length = stored.length;
      while (length > 0 && (stored[length - 1] == '\n' || stored[length - 1] == '\r' || stored[length - 1] == ' ')) {
        length--;
      }
      if (length == 0) {
        throw new AgentException.Refused(state.path(StateFile.VAULT_TOKEN) + " is empty; delete it to create a new token");
      }
      return SecretBytes.copyOf(stored, 0, length);
    } finally {
      Arrays.fill(stored, (byte) 0);
    }
  }

  private static byte[] create(StateDirectory state, SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    random.nextBytes(bytes);
    byte[] token = ("hvs." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n")
        .getBytes(StandardCharsets.US_ASCII);
    Arrays.fill(bytes, (byte) 0);
    state.write(StateFile.VAULT_TOKEN, token);
    return token;
  }
}
