package io.keylocker.agent;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.state.VaultSettings;
import io.keylocker.agent.usage.UsageSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Configuration of a running agent, validated as a whole on construction (every problem reported
 * at once): the state directory, where the Vault edge listens (port 0: any free port, for tests)
 * and its mount, how to watch the database for key usage (optional), and the clock.
 */
public record AgentConfig(
    Path stateDir, String vaultHost, int vaultPort, String vaultMount, Optional<UsageSettings> usage, Clock clock) {
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
    if (usage == null) {
      problems.add("the usage settings are required (empty when the database is not watched)");
    } else {
      usage.ifPresent(u -> problems.addAll(u.problems()));
    }
    if (!problems.isEmpty()) {
      throw new AgentException.InvalidInput("invalid agent configuration: " + String.join("; ", problems));
    }
    stateDir = stateDir.toAbsolutePath().normalize();
  }

  /** With the listen address given as {@code host:port} or {@code [ipv6]:port}. */
  public static AgentConfig of(
      Path stateDir, String vaultListen, String vaultMount, Optional<UsageSettings> usage, Clock clock) {
    VaultSettings vault;
    try {
      vault = VaultSettings.parse(vaultListen, vaultMount);
    } catch (IllegalArgumentException e) {
      throw new AgentException.InvalidInput("invalid agent configuration: " + e.getMessage());
    }
    return new AgentConfig(stateDir, vault.host(), vault.port(), vault.mount(), usage, clock);
  }

  public VaultSettings vault() {
    return new VaultSettings(vaultHost, vaultPort, vaultMount);
  }
}
