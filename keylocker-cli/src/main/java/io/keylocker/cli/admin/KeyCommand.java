package io.keylocker.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.cli.CliContext;
import io.keylocker.cli.SafeText;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code keylocker key list}: a server's keyring as the locker knows it, which is metadata only:
 * key ids, versions, states and dates. The locker never has, and so never shows, key material.
 */
@Command(
    name = "key",
    description = "Inspect the keys of a server's keyring (metadata only).",
    subcommands = {KeyCommand.ListKeys.class})
public final class KeyCommand {

  @Command(name = "list", description = "List the keys and versions of a server's keyring.")
  static final class ListKeys extends AdminCommand {
    @Option(names = "--tenant", required = true, paramLabel = "TENANT", converter = Names.Converter.class, description = "Tenant name")
    String tenant;

    @Option(names = "--server", required = true, paramLabel = "SERVER", converter = Names.Converter.class, description = "Server name")
    String server;

    ListKeys(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.keyring(tenant, server);
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      JsonNode keyring = answer.json();
      JsonNode kdf = keyring.path("kdf");
      out.println(
          "keyring " + SafeText.line(TextTable.cell(keyring, "keyring")) + " of " + tenant + "/" + server
              + ", created " + SafeText.line(TextTable.cell(keyring, "created_at")));
      out.println(
          "passphrase KDF: " + SafeText.line(TextTable.cell(kdf, "algorithm")) + ", "
              + SafeText.line(TextTable.cell(kdf, "memory_kib")) + " KiB, "
              + SafeText.line(TextTable.cell(kdf, "iterations")) + " iterations, parallelism "
              + SafeText.line(TextTable.cell(kdf, "parallelism")));
      out.println();
      TextTable table = new TextTable("KEY", "VERSION", "STATE", "CREATED");
      for (JsonNode key : keyring.path("keys")) {
        for (JsonNode version : key.path("versions")) {
          table.row(
              TextTable.cell(key, "key_id"),
              TextTable.cell(version, "version"),
              TextTable.cell(version, "state"),
              TextTable.cell(version, "created_at"));
        }
      }
      if (table.isEmpty()) {
        out.println("no keys");
      } else {
        table.print(out);
      }
    }
  }
}
