package io.keylocker.agent;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.state.VaultSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of a running agent, validated as a whole on construction (every problem reported
 * at once): the state directory, where the Vault edge listens (port 0: any free port, for tests)
 * and its mount, and the clock.
 */
public record AgentConfig(Path stateDir, String vaultHost, int vaultPort, String vaultMount, Clock clock) {
  public AgentConfig {
    List<String> problems = new ArrayList<>();
    if (stateDir == null) {
      problems.add("the state directory is required");
    }
    if (clock == null) {
      problems.add("the clock is required");
    }
    try {
      new VaultSettings(vaultHost, vaultPort, vaultMount);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new AgentException.InvalidInput("invalid agent configuration: " + String.join("; ", problems));
    }
    stateDir = stateDir.toAbsolutePath().normalize();
  }

  /** With the listen address given as {@code host:port} or {@code [ipv6]:port}. */
  public static AgentConfig of(Path stateDir, String vaultListen, String vaultMount, Clock clock) {
    try {
      VaultSettings vault = VaultSettings.parse(vaultListen, vaultMount);
      return new AgentConfig(stateDir, vault.host(), vault.port(), vault.mount(), clock);
    } catch (IllegalArgumentException e) {
      throw new AgentException.InvalidInput("invalid agent configuration: " + e.getMessage());
    }
  }

  public VaultSettings vault() {
    return new VaultSettings(vaultHost, vaultPort, vaultMount);
  }
}
