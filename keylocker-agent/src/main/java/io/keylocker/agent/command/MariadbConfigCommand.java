package io.keylocker.agent.command;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agent mariadb-config}: the my.cnf section that connects MariaDB to this agent. */
@Command(name = "mariadb-config", description = "Print the my.cnf [mariadb] section for this agent.")
final class MariadbConfigCommand extends AgentSubcommand {
  @Option(
      names = "--vault-ca-out",
      paramLabel = "FILE",
      description = "Also copy the Vault endpoint's CA certificate to FILE (mode 0644, e.g. /etc/mysql/keylocker-vault-ca.pem) and use that path.")
  Path vaultCaOut;

  @Override
  void run() {
    out().print(agent().operations().mariadbConfig(stateDir, Optional.ofNullable(vaultCaOut)));
  }
}
