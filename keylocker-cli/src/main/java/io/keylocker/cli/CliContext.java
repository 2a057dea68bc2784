package io.keylocker.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may take from the process: its output streams, its environment and its working
 * directory. Passed explicitly so that tests run commands in-process with their own values.
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> environment, Path workingDirectory) {
  public static final String DEBUG_VARIABLE = "KEYLOCKER_DEBUG";

  public CliContext {
    environment = Map.copyOf(environment);
    workingDirectory = workingDirectory.toAbsolutePath();
  }

  public Optional<String> variable(String name) {
    return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
  }

  /** {@code KEYLOCKER_DEBUG=1}: stack traces for internal errors. */
  public boolean debug() {
    return variable(DEBUG_VARIABLE).filter("1"::equals).isPresent();
  }

  /** A path given by the user, relative to the working directory. */
  public Path resolve(Path path) {
    return workingDirectory.resolve(path);
  }
}
