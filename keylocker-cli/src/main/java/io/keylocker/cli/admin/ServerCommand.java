package io.keylocker.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.cli.CliContext;
import io.keylocker.cli.SafeText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keylocker server add|list|enrollment-token|revoke}: database servers, enrollment, revocation. */
@Command(
    name = "server",
    description = "Register database servers, list them, re-issue enrollment tokens, revoke them.",
    subcommands = {
      ServerCommand.Add.class, ServerCommand.ListServers.class, ServerCommand.EnrollmentToken.class,
      ServerCommand.Revoke.class
    })
public final class ServerCommand {
  /** Where the README and the printed hint put the agent's state on a database host. */
  static final String AGENT_STATE_DIR = "/var/lib/keylocker-agent";

  /** A command that issues an enrollment token for one server: {@code add} and {@code enrollment-token}. */
  abstract static class TokenIssuing extends AdminCommand {
    @Option(names = "--tenant", required = true, paramLabel = "TENANT", converter = Names.Converter.class, description = "Tenant name")
    String tenant;

    @Parameters(paramLabel = "NAME", converter = Names.Converter.class, description = "Server name: a-z 0-9 . _ -")
    String server;

    @Option(
        names = "--token-ttl",
        paramLabel = "DURATION",
        converter = TokenTtl.class,
        description = "How long the enrollment token stays valid, e.g. 30m, 24h, 7d (default 24h).")
    Duration tokenTtl;

    TokenIssuing(CliContext context) {
      super(context);
    }

    Optional<Duration> ttl() {
      return Optional.ofNullable(tokenTtl);
    }

    abstract String headline();

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      out.println(headline());
      printEnrollment(answer.json(), out);
    }
  }

  @Command(name = "add", description = "Register a database server and print its one-time enrollment token.")
  static final class Add extends TokenIssuing {
    Add(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.addServer(tenant, server, ttl());
    }

    @Override
    String headline() {
      return "server " + server + " added to tenant " + tenant + ".";
    }
  }

  @Command(
      name = "enrollment-token",
      description = {
        "Issue a new enrollment token for a server that has not enrolled yet, or that was revoked",
        "(it becomes pending; its old certificate stays refused); earlier tokens stop working."
      })
  static final class EnrollmentToken extends TokenIssuing {
    EnrollmentToken(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.issueEnrollmentToken(tenant, server, ttl());
    }

    @Override
    String headline() {
      return "new enrollment token for server " + server + " of tenant " + tenant + "; earlier ones no longer work.";
    }
  }

  @Command(
      name = "revoke",
      description = {
        "Revoke a server (a stolen host): its certificate is refused at once and its agent wipes its keys.",
        "A running database keeps the keys it already loaded until it stops, and cannot restart.",
        "To use the server again: keylocker server enrollment-token, then enroll into a new state directory."
      })
  static final class Revoke extends AdminCommand {
    @Option(names = "--tenant", required = true, paramLabel = "TENANT", converter = Names.Converter.class, description = "Tenant name")
    String tenant;

    @Parameters(paramLabel = "NAME", converter = Names.Converter.class, description = "Server name")
    String server;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", converter = ReasonText.class,
        description = "Why the server is revoked (1 to 500 characters, kept by the locker).")
    String reason;

    Revoke(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.revokeServer(tenant, server, reason);
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      out.println("server " + server + " of tenant " + tenant + " is revoked (at "
          + SafeText.line(TextTable.cell(answer.json(), "revoked_at")) + "): its certificate is refused from now on,");
      out.println("and its agent wipes its keys as soon as it hears from the locker (at once when connected).");
      out.println("A running database keeps the keys it already loaded until it stops; it cannot restart.");
    }
  }

  @Command(name = "list", description = "List the servers of a tenant.")
  static final class ListServers extends AdminCommand {
    @Option(names = "--tenant", required = true, paramLabel = "TENANT", converter = Names.Converter.class, description = "Tenant name")
    String tenant;

    ListServers(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.listServers(tenant);
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      TextTable table = new TextTable("SERVER", "STATE", "AGENT", "KEYRING", "LAST SEEN", "CERTIFICATE EXPIRES");
      for (JsonNode server : answer.json().path("servers")) {
        table.row(
            TextTable.cell(server, "name"),
            state(server),
            TextTable.cell(server, "agent_state"),
            keyring(server.path("keyring")),
            TextTable.cell(server, "last_seen_at"),
            TextTable.cell(server, "certificate_expires_at"));
      }
      if (table.isEmpty()) {
        out.println("tenant " + tenant + " has no servers yet; add one with: keylocker server add --tenant " + tenant + " NAME");
      } else {
        table.print(out);
      }
    }

    /** {@code revoked 2026-12-03T17:00:00Z} for a revoked server, else the state alone. */
    private static String state(JsonNode server) {
      String state = TextTable.cell(server, "state");
      return state.equals("revoked") ? state + " " + TextTable.cell(server, "revoked_at") : state;
    }

    private static String keyring(JsonNode keyring) {
      if (!keyring.path("initialized").asBoolean(false)) {
        return "not initialized";
      }
      return keyring.path("keys").asLong() + " keys, " + keyring.path("versions").asLong() + " versions";
    }
  }

  /** The token alone on its line (easy to copy), when it expires, and what to run with it. */
  static void printEnrollment(JsonNode answer, PrintWriter out) {
    String token = SafeText.line(TextTable.cell(answer, "enrollment_token"));
    out.println("enrollment token (one use, expires " + SafeText.line(TextTable.cell(answer, "expires_at")) + "):");
    out.println();
    out.println(token);
    out.println();
    out.println("On the database host, run:");
    out.println("  ./keylocker agent enroll --state-dir " + AGENT_STATE_DIR + " --token " + token);
  }
}
