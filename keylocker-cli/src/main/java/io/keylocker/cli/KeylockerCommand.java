package io.keylocker.cli;

import io.keylocker.agent.command.AgentCommand;
import io.keylocker.cli.admin.KeyCommand;
import io.keylocker.cli.admin.ServerCommand;
import io.keylocker.cli.admin.TenantCommand;
import io.keylocker.locker.command.LockerCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The root command {@code keylocker}: only a group; every action is a subcommand. Its {@code
 * --help} and {@code --version} options and its version provider are inherited by every subcommand,
 * including those of the locker and agent modules.
 */
@Command(
    name = "keylocker",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = JarVersion.class,
    description = "Zero-knowledge key management for MariaDB/MySQL transparent data encryption.",
    subcommands = {
      LockerCommand.class,
      AgentCommand.class,
      TenantCommand.class,
      ServerCommand.class,
      KeyCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 refused or failed, 2 usage error,",
      "3 cannot reach the locker or agent, 4 authentication failed, 5 not found."
    })
public final class KeylockerCommand {}
