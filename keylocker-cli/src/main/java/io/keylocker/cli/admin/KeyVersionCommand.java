package io.keylocker.cli.admin;

import io.keylocker.cli.CliContext;
import io.keylocker.cli.SafeText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A {@code key} command on one version of one key: {@code --key K --version V}. The locker checks
 * the state machine and the database's usage reports; a refusal (409) exits 1 with its message.
 */
abstract class KeyVersionCommand extends KeyringCommand {
  @Option(names = "--key", required = true, paramLabel = "KEY", converter = KeyNumbers.KeyId.class, description = "Key id: 1 to 4294967295")
  long keyId;

  @Option(names = "--version", required = true, paramLabel = "VERSION", converter = KeyNumbers.Version.class, description = "Key version: 1 to 2147483647")
  int version;

  /**
   * {@code --version} names the key version here, so picocli leaves out the inherited standard
   * {@code -h/--help -V/--version} options on these commands; {@code --help} comes back here.
   */
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  KeyVersionCommand(CliContext context) {
    super(context);
  }

  KeyVersion keyVersion() {
    return new KeyVersion(keyId, version);
  }

  /** {@code version 2 of key 1 of acme/db1}. */
  String subject() {
    return keyVersion().describe() + " of " + keyring();
  }

  /** The options that name this version again, for the next command a message suggests. */
  String versionOptions() {
    return keyringOptions() + " --key " + keyId + " --version " + version;
  }

  @Command(
      name = "destroy",
      description = {
        "Schedule the destruction of a key version that is no longer active or in use.",
        "When the grace period ends the locker deletes its wrapped key, unless the database uses it again."
      })
  static final class Destroy extends KeyVersionCommand {
    @Option(names = "--grace", paramLabel = "DURATION", converter = DurationOption.DestroyGrace.class,
        description = "Delay before the destruction, 0s to 365d, e.g. 0s, 12h, 7d (default: the keyring policy's).")
    Duration grace;

    Destroy(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.scheduleDestroy(tenant, server, keyVersion(), Optional.ofNullable(grace));
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      out.println(
          subject() + " will be destroyed at " + SafeText.line(TextTable.cell(answer.json(), "destroy_scheduled_for"))
              + " (later if the database still uses it then).");
      out.println("to keep it, before then run:");
      out.println("  keylocker key cancel-destroy " + versionOptions());
    }
  }

  @Command(name = "cancel-destroy", description = "Cancel a scheduled destruction that has not run yet.")
  static final class CancelDestroy extends KeyVersionCommand {
    CancelDestroy(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.cancelDestroy(tenant, server, keyVersion());
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      out.println("the destruction of " + subject() + " is cancelled; the version is kept.");
    }
  }

  @Command(
      name = "compromise",
      description = {
        "Mark a key version compromised; if it was active, a rotation is queued.",
        "It is never served as the latest version again, but stays readable by explicit version",
        "so that its data can be re-encrypted."
      })
  static final class Compromise extends KeyVersionCommand {
    @Option(names = "--reason", required = true, paramLabel = "TEXT", converter = ReasonText.class,
        description = "Why the version is no longer trusted (1 to 500 characters, kept in its history).")
    String reason;

    Compromise(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.markCompromised(tenant, server, keyVersion(), reason);
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      out.println(subject() + " is marked compromised: it is never served as the latest version again.");
      if (answer.json().path("commands").isEmpty()) {
        out.println("if it was the active version, a rotation is queued.");
      } else {
        KeyringText.queuedRotations(answer.json(), keyring(), out);
      }
      out.println("re-encrypt the data that still uses it, then destroy it; follow with:");
      out.println("  keylocker key show " + keyringOptions() + " --key " + keyId);
    }
  }
}
