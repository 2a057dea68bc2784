package io.keylocker.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.cli.CliContext;
import io.keylocker.cli.CliException;
import io.keylocker.cli.ExitStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keylocker key ...}: a server's keyring as the locker knows it, which is metadata only
 * (key ids, versions, states, dates, usage), and its lifecycle: rotation, destruction, compromise
 * and policy. The locker never has, and so never shows, key material; new versions are created by
 * the server's agent, which carries out the rotations queued here.
 */
@Command(
    name = "key",
    description = "Inspect a server's keyring (metadata only) and manage the lifecycle of its keys.",
    subcommands = {
      KeyCommand.ListKeys.class,
      KeyCommand.Show.class,
      KeyCommand.Rotate.class,
      KeyVersionCommand.Destroy.class,
      KeyVersionCommand.CancelDestroy.class,
      KeyVersionCommand.Compromise.class,
      KeyringDestroyCommand.Destroy.class,
      KeyringDestroyCommand.CancelDestroy.class,
      KeyCommand.Policy.class
    })
public final class KeyCommand {
  /** A command on one key of the keyring ({@code --key K}) or, without it, on every key. */
  abstract static class KeySelecting extends KeyringCommand {
    @Option(names = "--key", paramLabel = "KEY", converter = KeyNumbers.KeyId.class, description = "Key id (default: every key).")
    Long keyId;

    KeySelecting(CliContext context) {
      super(context);
    }

    OptionalLong key() {
      return keyId == null ? OptionalLong.empty() : OptionalLong.of(keyId);
    }
  }

  @Command(name = "list", description = "List the keys and versions of a server's keyring.")
  static final class ListKeys extends KeyringCommand {
    ListKeys(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.keyring(tenant, server);
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      KeyringText.header(answer.json(), keyring(), out);
      out.println();
      KeyringText.versionTable(answer.json().path("keys"), out);
    }
  }

  @Command(
      name = "show",
      description = "Show the keyring's lifecycle: per version state, dates, usage and scheduled destruction; policy.")
  static final class Show extends KeySelecting {
    Show(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      LockerAnswer answer = client.keyring(tenant, server);
      if (key().isPresent() && keys(answer.json()).isEmpty()) {
        throw new CliException(ExitStatus.NOT_FOUND, "key " + key().getAsLong() + " is not in the keyring of " + keyring());
      }
      return answer;
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      KeyringText.header(answer.json(), keyring(), out);
      KeyringText.lifecycle(answer.json(), out);
      List<JsonNode> keys = keys(answer.json());
      if (keys.isEmpty()) {
        out.println();
        out.println("no keys");
      }
      keys.forEach(key -> KeyringText.key(key, out));
    }

    private List<JsonNode> keys(JsonNode keyring) {
      return StreamSupport.stream(keyring.path("keys").spliterator(), false)
          .filter(key -> key().isEmpty() || key.path("key_id").asLong() == key().getAsLong())
          .toList();
    }
  }

  @Command(
      name = "rotate",
      description = "Queue a rotation of one key (--key) or of every key; the agent creates the new version when it is unlocked.")
  static final class Rotate extends KeySelecting {
    Rotate(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.rotate(tenant, server, key());
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      if (answer.json().path("commands").isEmpty()) {
        out.println("no rotation queued: the keyring of " + keyring() + " has no keys");
        return;
      }
      KeyringText.queuedRotations(answer.json(), keyring(), out);
      out.println("the agent of " + server + " creates the new versions when it is unlocked; follow with:");
      out.println("  keylocker key show " + keyringOptions());
    }
  }

  @Command(
      name = "policy",
      description = "Print the keyring's lifecycle policy, or change it with --cryptoperiod and --destroy-grace.")
  static final class Policy extends KeyringCommand {
    @Option(names = "--cryptoperiod", paramLabel = "DAYS", converter = DurationOption.Cryptoperiod.class,
        description = "Rotate each key this long after its version was activated: 1d to 3650d (locker default 90d).")
    Duration cryptoperiod;

    @Option(names = "--destroy-grace", paramLabel = "DAYS", converter = DurationOption.PolicyGrace.class,
        description = "Default delay between 'key destroy' and the destruction: 0d to 365d (locker default 7d).")
    Duration destroyGrace;

    private KeyringPolicy requested;

    Policy(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      if (cryptoperiod == null && destroyGrace == null) {
        return client.keyring(tenant, server);
      }
      requested = requestedPolicy(client);
      return client.setPolicy(tenant, server, requested);
    }

    /** The policy the options ask for; when only one is given, the other comes from the locker. */
    private KeyringPolicy requestedPolicy(AdminClient client) {
      if (cryptoperiod != null && destroyGrace != null) {
        return new KeyringPolicy(cryptoperiod.toDays(), destroyGrace.toDays());
      }
      KeyringPolicy current = KeyringPolicy.of(client.keyring(tenant, server).json()).orElseThrow(Policy::noPolicy);
      return new KeyringPolicy(
          cryptoperiod == null ? current.cryptoperiodDays() : cryptoperiod.toDays(),
          destroyGrace == null ? current.destroyGraceDays() : destroyGrace.toDays());
    }

    private static CliException noPolicy() {
      return new CliException(
          ExitStatus.FAILED, "the locker did not report the current policy: give both --cryptoperiod and --destroy-grace");
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      Optional<KeyringPolicy> policy = KeyringPolicy.of(answer.json()).or(() -> Optional.ofNullable(requested));
      out.println(
          "policy of " + keyring() + (requested == null ? ": " : " is now: ")
              + policy.map(KeyringPolicy::describe).orElse("not reported by the locker"));
    }
  }
}
