package io.keylocker.agent;

import io.keylocker.agent.control.ControlClient;
import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keyring.KeyringSetup;
import io.keylocker.agent.lockerclient.Enroller;
import io.keylocker.agent.lockerclient.EnrollmentToken;
import io.keylocker.agent.lockerclient.LockerKeyringStore;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.agent.state.VaultSettings;
import io.keylocker.agent.vault.MariadbConfig;
import io.keylocker.crypto.SecretBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * What the CLI does without a running daemon (enroll, init, MariaDB configuration) and how it
 * reaches a running one (the control client). Failures are {@link AgentException}s.
 */
public final class AgentOperations {
  private final SecureRandom random;

  public AgentOperations(SecureRandom random) {
    this.random = random;
  }

  /** Enrolls a new state directory (created 0700) with a {@code kle1.} token. */
  public Enroller.Enrolled enroll(Path stateDir, String token) {
    EnrollmentToken parsed = EnrollmentToken.parse(token);
    StateDirectory state = StateDirectory.create(stateDir);
    return new Enroller(random).enroll(parsed, state);
  }

  /** Creates the server's keyring in the locker (key 1 version 1), protected by {@code passphrase}. */
  public Enrollment init(Path stateDir, SecretBytes passphrase) {
    StateDirectory state = StateDirectory.open(stateDir);
    Enrollment enrollment = state.enrollment();
    try (LockerKeyringStore store = LockerKeyringStore.open(state, enrollment)) {
      new KeyringSetup(store, random).create(enrollment, passphrase);
    }
    return enrollment;
  }

  /** The client of the daemon running on {@code stateDir}. */
  public ControlClient control(Path stateDir) {
    return new ControlClient(StateDirectory.open(stateDir).socket());
  }

  /**
   * The {@code [mariadb]} section for this agent, from the Vault address and mount {@code agent
   * run} persisted (default 127.0.0.1:8200, {@code mariadb}); needs the token and CA that {@code
   * agent run} creates. With {@code publicCaCopy} the Vault edge's CA certificate is also copied
   * there (mode 0644), for a database user that cannot enter the 0700 state directory.
   */
  public String mariadbConfig(Path stateDir, Optional<Path> publicCaCopy) {
    StateDirectory state = StateDirectory.open(stateDir);
    VaultSettings vault = state.readIfPresent(StateFile.VAULT_SETTINGS)
        .map(VaultSettings::fromJson)
        .orElse(VaultSettings.DEFAULTS);
    byte[] token = state.readIfPresent(StateFile.VAULT_TOKEN)
        .filter(t -> state.exists(StateFile.VAULT_CA))
        .orElseThrow(() -> new AgentException.NotFound(
            "the Vault token and CA do not exist yet: run keylocker agent run --state-dir " + state + " once"));
    Path ca = state.path(StateFile.VAULT_CA);
    if (publicCaCopy.isPresent()) {
      ca = copyWorldReadable(ca, publicCaCopy.get());
    }
    return MariadbConfig.render(vault, new String(token, StandardCharsets.US_ASCII).strip(), ca);
  }

  private static Path copyWorldReadable(Path source, Path target) {
    try {
      Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".vault-ca", ".tmp");
      Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target.toAbsolutePath();
    } catch (IOException e) {
      throw new AgentException.Refused("cannot write the CA copy to " + target + " (" + e.getMessage() + ")");
    }
  }
}
