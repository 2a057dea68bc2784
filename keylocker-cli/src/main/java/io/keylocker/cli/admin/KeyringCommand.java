package io.keylocker.cli.admin;

import io.keylocker.cli.CliContext;
import picocli.CommandLine.Option;

/** A {@code key} command on one server's keyring: {@code --tenant T --server S}. */
abstract class KeyringCommand extends AdminCommand {
  @Option(names = "--tenant", required = true, paramLabel = "TENANT", converter = Names.Converter.class, description = "Tenant name")
  String tenant;

  @Option(names = "--server", required = true, paramLabel = "SERVER", converter = Names.Converter.class, description = "Server name")
  String server;

  KeyringCommand(CliContext context) {
    super(context);
  }

  /** {@code acme/db1}: how messages name the keyring. */
  String keyring() {
    return tenant + "/" + server;
  }

  /** The options that name this keyring again, for the next command a message suggests. */
  String keyringOptions() {
    return "--tenant " + tenant + " --server " + server;
  }
}
