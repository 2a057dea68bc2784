package io.keylocker.cli.admin;

import io.keylocker.cli.CliContext;
import io.keylocker.cli.CliException;
import io.keylocker.cli.ExitStatus;
import io.keylocker.cli.SafeText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Crypto-shredding a decommissioned server: {@code key destroy-keyring} schedules the destruction of
 * every version of every key of its keyring, active ones included, and {@code key
 * cancel-destroy-keyring} takes it back until it runs. The locker refuses (409, exit 1) unless the
 * server is revoked.
 */
final class KeyringDestroyCommand {
  private KeyringDestroyCommand() {}

  @Command(
      name = "destroy-keyring",
      description = {
        "Schedule the destruction of EVERY version of every key of a revoked server's keyring,",
        "the active ones included, whether or not the database still uses them: its data becomes",
        "unreadable for ever. Revoke the server first; repeat the server name in --confirm."
      })
  static final class Destroy extends KeyringCommand {
    @Option(names = "--grace", paramLabel = "DURATION", converter = DurationOption.DestroyGrace.class,
        description = "Delay before the destruction, 0s to 365d, e.g. 0s, 12h, 7d (default: the keyring policy's).")
    Duration grace;

    @Option(names = "--confirm", required = true, paramLabel = "SERVER",
        description = "The server name again, to confirm that its data is to be lost.")
    String confirm;

    Destroy(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      if (!server.equals(confirm)) {
        throw new CliException(
            ExitStatus.USAGE,
            "--confirm must repeat the server name '" + server + "' to destroy its whole keyring");
      }
      return client.scheduleKeyringDestroy(tenant, server, Optional.ofNullable(grace));
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      out.println(
          "every key version of " + keyring() + " will be destroyed at "
              + SafeText.line(TextTable.cell(answer.json(), "destroy_scheduled_for"))
              + ", the active ones included; the database's data becomes unreadable.");
      out.println("to keep the keyring, before then run:");
      out.println("  keylocker key cancel-destroy-keyring " + keyringOptions());
    }
  }

  @Command(name = "cancel-destroy-keyring", description = "Cancel a scheduled keyring destruction that has not run yet.")
  static final class CancelDestroy extends KeyringCommand {
    CancelDestroy(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.cancelKeyringDestroy(tenant, server);
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      out.println("the destruction of the keyring of " + keyring() + " is cancelled; its key versions are kept.");
    }
  }
}
