package io.keylocker.agent.command;

import picocli.CommandLine.Command;

/** {@code agent mariadb-config}: the my.cnf section that connects MariaDB to this agent. */
@Command(name = "mariadb-config", description = "Print the my.cnf [mariadb] section for this agent.")
final class MariadbConfigCommand extends AgentSubcommand {
  @Override
  void run() {
    out().print(agent().operations().mariadbConfig(stateDir));
  }
}
