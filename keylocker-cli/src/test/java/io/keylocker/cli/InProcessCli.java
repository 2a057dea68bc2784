package io.keylocker.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the real command tree in this JVM with its own environment, directory and captured output. */
final class InProcessCli {
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private final Path directory;
  private final Map<String, String> environment = new HashMap<>();
  private Consumer<CommandLine> extension = cli -> {};

  InProcessCli(Path directory) {
    this.directory = directory;
  }

  InProcessCli env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** Lets a test add commands (for example one that fails on purpose). */
  InProcessCli extend(Consumer<CommandLine> extension) {
    this.extension = extension;
    return this;
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), environment, directory);
    CommandLine cli = Cli.commandLine(context);
    extension.accept(cli);
    int exit = Cli.execute(cli, context, args);
    return new Result(exit, out.toString(), err.toString());
  }
}
