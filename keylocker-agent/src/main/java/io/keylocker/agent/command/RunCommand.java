package io.keylocker.agent.command;

import io.keylocker.agent.AgentConfig;
import io.keylocker.agent.AgentDaemon;
import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.state.VaultSettings;
import io.keylocker.agent.usage.UsageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agent run}: the daemon, in the foreground until SIGTERM or SIGINT. */
@Command(name = "run", description = "Run the agent daemon in the foreground (starts locked).")
final class RunCommand extends AgentSubcommand {
  @Option(names = "--vault-listen", paramLabel = "HOST:PORT", description = "Vault endpoint address (default: ${DEFAULT-VALUE}).")
  String vaultListen = VaultSettings.DEFAULT_HOST + ":" + VaultSettings.DEFAULT_PORT;

  @Option(names = "--vault-mount", paramLabel = "MOUNT", description = "Vault KV v2 mount name (default: ${DEFAULT-VALUE}).")
  String vaultMount = VaultSettings.DEFAULT_MOUNT;

  @Option(names = "--db-url", paramLabel = "URL",
      description = "Watch this database's key usage and report it to the locker (jdbc:mariadb://host:port/).")
  String dbUrl;

  @Option(names = "--db-user", paramLabel = "USER",
      description = "Database account for --db-url (needs PROCESS and BINLOG MONITOR).")
  String dbUser;

  @Option(names = "--db-password-file", paramLabel = "FILE", description = "File whose first line is that account's password.")
  Path dbPasswordFile;

  @Option(names = "--db-interval", paramLabel = "SECONDS", description = "Seconds between usage reports, 1..3600 (default: ${DEFAULT-VALUE}).")
  long dbIntervalSeconds = 5;

  @Override
  void run() {
    AgentConfig config = AgentConfig.of(stateDir, vaultListen, vaultMount, usage(), agent().clock());
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

  private Optional<UsageSettings> usage() {
    if (dbUrl == null) {
      if (dbUser != null || dbPasswordFile != null) {
        throw new AgentException.InvalidInput("--db-user and --db-password-file need --db-url");
      }
      return Optional.empty();
    }
    return Optional.of(new UsageSettings(dbUrl, dbUser, Optional.ofNullable(dbPasswordFile), Duration.ofSeconds(dbIntervalSeconds)));
  }
}
