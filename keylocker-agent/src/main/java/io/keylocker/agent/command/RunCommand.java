package io.keylocker.agent.command;

import io.keylocker.agent.AgentConfig;
import io.keylocker.agent.AgentDaemon;
import io.keylocker.agent.state.VaultSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agent run}: the daemon, in the foreground until SIGTERM or SIGINT. */
@Command(name = "run", description = "Run the agent daemon in the foreground (starts locked).")
final class RunCommand extends AgentSubcommand {
  @Option(names = "--vault-listen", paramLabel = "HOST:PORT", description = "Vault endpoint address (default: ${DEFAULT-VALUE}).")
  String vaultListen = VaultSettings.DEFAULT_HOST + ":" + VaultSettings.DEFAULT_PORT;

  @Option(names = "--vault-mount", paramLabel = "MOUNT", description = "Vault KV v2 mount name (default: ${DEFAULT-VALUE}).")
  String vaultMount = VaultSettings.DEFAULT_MOUNT;

  @Override
  void run() {
    AgentConfig config = AgentConfig.of(stateDir, vaultListen, vaultMount, agent().clock());
    try (AgentDaemon daemon = AgentDaemon.start(config)) {
      Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("agent-shutdown").unstarted(daemon::close));
      out().printf("keylocker agent: Vault endpoint %s is up and locked (run: keylocker agent unlock --state-dir %s)%n",
          daemon.vaultMountUrl(), stateDir);
      out().flush();
      daemon.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
