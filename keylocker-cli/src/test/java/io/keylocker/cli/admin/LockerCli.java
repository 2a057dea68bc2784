package io.keylocker.cli.admin;

import io.keylocker.cli.Cli;
import io.keylocker.cli.CliContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real {@code keylocker} command tree run in this JVM against a {@link FakeLocker}, as on the
 * locker's host: its CA and an admin token in {@code keylocker-data/} of a working directory of
 * its own (deleted on {@link #close()}), its address in the environment.
 */
final class LockerCli implements AutoCloseable {
  static final String TOKEN = "admin-token-that-must-never-be-printed";

  /** What one run printed and how it exited. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  final FakeLocker locker = new FakeLocker();
  private final Path directory;

  LockerCli() {
    try {
      directory = Files.createTempDirectory("keylocker-cli-test");
      locker.writeCa(directory.resolve("keylocker-data/ca.pem"));
      Files.writeString(directory.resolve("keylocker-data/admin-token"), TOKEN + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Map<String, String> environment = Map.of("KEYLOCKER_ADDR", locker.address().toString());
    int exit = Cli.run(new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), environment, directory), args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** The requests the fake received, as {@code METHOD /path body}. */
  List<String> requests() {
    return locker.requests().stream().map(r -> r.method() + " " + r.path() + " " + r.body()).toList();
  }

  /** Stops the fake locker (a later run then finds nothing listening) and deletes the directory. */
  @Override
  public void close() {
    locker.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
