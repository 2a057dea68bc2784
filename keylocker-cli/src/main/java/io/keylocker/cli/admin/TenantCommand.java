package io.keylocker.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.cli.CliContext;
import io.keylocker.cli.SafeText;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keylocker tenant create|list}: the tenants of a locker. */
@Command(
    name = "tenant",
    description = "Create and list tenants (owners of servers and keys).",
    subcommands = {TenantCommand.Create.class, TenantCommand.ListTenants.class})
public final class TenantCommand {

  @Command(name = "create", description = "Create a tenant.")
  static final class Create extends AdminCommand {
    @Parameters(paramLabel = "NAME", converter = Names.Converter.class, description = "Tenant name: a-z 0-9 . _ -")
    String name;

    Create(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.createTenant(name);
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      JsonNode tenant = answer.json();
      out.println(
          "tenant " + SafeText.line(TextTable.cell(tenant, "name")) + " created at "
              + SafeText.line(TextTable.cell(tenant, "created_at")));
      out.println("next: keylocker server add --tenant " + name + " SERVER");
    }
  }

  @Command(name = "list", description = "List tenants.")
  static final class ListTenants extends AdminCommand {
    ListTenants(CliContext context) {
      super(context);
    }

    @Override
    LockerAnswer request(AdminClient client) {
      return client.listTenants();
    }

    @Override
    void printText(LockerAnswer answer, PrintWriter out) {
      TextTable table = new TextTable("TENANT", "SERVERS", "CREATED");
      for (JsonNode tenant : answer.json().path("tenants")) {
        table.row(TextTable.cell(tenant, "name"), TextTable.cell(tenant, "servers"), TextTable.cell(tenant, "created_at"));
      }
      if (table.isEmpty()) {
        out.println("no tenants yet; create one with: keylocker tenant create NAME");
      } else {
        table.print(out);
      }
    }
  }
}
