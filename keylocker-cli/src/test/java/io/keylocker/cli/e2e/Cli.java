package io.keylocker.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real distribution ({@code keylocker.jar}, built by the package phase) as separate
 * processes, exactly as the {@code ./keylocker} launcher does, with a given environment.
 */
final class Cli {
  private static final Path JAR = Path.of(System.getProperty("keylocker.jar", "target/keylocker.jar"));
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  private final Map<String, String> env = new HashMap<>();

  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  Cli env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Result run(String... args) {
    try {
      Path out = Files.createTempFile("kl-out", ".txt");
      Path err = Files.createTempFile("kl-err", ".txt");
      try {
        Process process = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("keylocker " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Runs a command that must succeed; returns its stdout. */
  String ok(String... args) {
    Result result = run(args);
    if (result.exit() != 0) {
      throw new AssertionError("keylocker " + String.join(" ", args) + " failed: " + result);
    }
    return result.out();
  }

  /** Starts a long-running command (a daemon) with its output appended to {@code log}. */
  Process start(Path log, String... args) {
    try {
      Process process =
          builder(args)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void stop(Process process) {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private ProcessBuilder builder(String... args) {
    if (!Files.isRegularFile(JAR)) {
      throw new AssertionError("the distribution jar is missing at " + JAR + " (run through ./mvnw verify)");
    }
    List<String> command = new ArrayList<>(List.of(JAVA, "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("KEYLOCKER_"));
    builder.environment().putAll(env);
    return builder;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
