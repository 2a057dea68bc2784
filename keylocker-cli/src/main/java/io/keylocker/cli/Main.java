package io.keylocker.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Composition root of the distribution jar. Picks the log level before any logger exists (see
 * {@link LogLevels}), runs the command and exits with its code. Daemon commands ({@code locker
 * start}, {@code agent run}) must block until they are stopped: the process exits when they return.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    if (System.getProperty(LogLevels.PROPERTY) == null) {
      System.setProperty(LogLevels.PROPERTY, LogLevels.forArguments(args, environment));
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = Cli.run(new CliContext(out, err, environment, Path.of("")), args);
    System.exit(code);
  }
}
