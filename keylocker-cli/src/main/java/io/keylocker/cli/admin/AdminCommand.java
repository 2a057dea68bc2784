package io.keylocker.cli.admin;

import io.keylocker.cli.CliContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A leaf admin command: resolves the connection options, makes its requests through one {@link
 * AdminClient}, prints the answer in the chosen format and exits 0. Failures are {@link
 * io.keylocker.cli.CliException}s and leave through the CLI's one exit-code mapping.
 */
abstract class AdminCommand implements Callable<Integer> {
  @Mixin AdminOptions admin;

  private final CliContext context;

  AdminCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public final Integer call() {
    AdminConnection connection = admin.resolve(context);
    try (AdminClient client = new AdminClient(connection)) {
      LockerAnswer answer = request(client);
      if (admin.format() == OutputFormat.JSON) {
        printJson(answer);
      } else {
        printText(answer, context.out());
      }
    }
    return 0;
  }

  /** The request of this command (a read first when the command needs it); its answer is printed. */
  abstract LockerAnswer request(AdminClient client);

  abstract void printText(LockerAnswer answer, PrintWriter out);

  /** The locker's JSON exactly as it came, ending with one newline; nothing for 204 No Content. */
  private void printJson(LockerAnswer answer) {
    String body = answer.body();
    if (!body.isEmpty()) {
      context.out().print(body.endsWith("\n") ? body : body + "\n");
    }
    context.out().flush();
  }
}
