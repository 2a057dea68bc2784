package io.keylocker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB server ({@code /usr/sbin/mariadbd} from Debian's packages) on a free port of
 * 127.0.0.1 with its own datadir under {@code baseDir}; never the machine's own service. The
 * configuration is a generated {@code my.cnf} plus any extra option-file text (for example the
 * output of {@code keylocker agent mariadb-config}), so a test runs exactly what a user would.
 */
public final class MariaDbServer implements AutoCloseable {
  private static final Path MARIADBD = Path.of("/usr/sbin/mariadbd");
  private static final Path INSTALL_DB = Path.of("/usr/bin/mariadb-install-db");
  private static final Path PLUGIN_DIR = Path.of("/usr/lib/mysql/plugin");

  private final Path baseDir;
  private final Path datadir;
  private final Path config;
  private final Path errorLog;
  private final int port;
  private Process process;

  private MariaDbServer(Path baseDir, int port) {
    this.baseDir = baseDir;
    this.datadir = baseDir.resolve("data");
    this.config = baseDir.resolve("my.cnf");
    this.errorLog = baseDir.resolve("error.log");
    this.port = port;
  }

  /** Fails loudly when the MariaDB binaries or the named plugin are not installed. */
  public static void requireInstalled(String... plugins) {
    MissingComponent.require(MARIADBD, "mariadbd (Debian package mariadb-server)");
    MissingComponent.require(INSTALL_DB, "mariadb-install-db (Debian package mariadb-server)");
    for (String plugin : plugins) {
      MissingComponent.require(PLUGIN_DIR.resolve(plugin + ".so"), "MariaDB plugin " + plugin);
    }
  }

  /** Creates a fresh datadir (no encryption options yet) under {@code baseDir}. */
  public static MariaDbServer create(Path baseDir) {
    requireInstalled();
    MariaDbServer server = new MariaDbServer(baseDir, FreePorts.next());
    server.installDatadir();
    return server;
  }

  private void installDatadir() {
    try {
      Files.createDirectories(datadir);
      Process install =
          new ProcessBuilder(
                  INSTALL_DB.toString(), "--no-defaults", "--datadir=" + datadir, "--user=" + osUser(),
                  "--auth-root-authentication-method=normal", "--skip-test-db")
              .redirectErrorStream(true)
              .redirectOutput(baseDir.resolve("install.log").toFile())
              .start();
      if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
        throw new IllegalStateException("mariadb-install-db failed: " + tail(baseDir.resolve("install.log")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes my.cnf: our base settings then {@code extraOptions} verbatim. */
  public void configure(String extraOptions) {
    String base =
        String.join(
            "\n",
            "[mariadbd]",
            "datadir=" + datadir,
            "port=" + port,
            "bind-address=127.0.0.1",
            "socket=" + baseDir.resolve("mysqld.sock"),
            "pid-file=" + baseDir.resolve("mysqld.pid"),
            "log-error=" + errorLog,
            "user=" + osUser(),
            "log-bin=" + baseDir.resolve("binlog").resolve("mariadb-bin"),
            "server-id=1",
            "innodb_buffer_pool_size=64M",
            "innodb_log_file_size=48M",
            "skip-name-resolve",
            "",
            "");
    try {
      Files.createDirectories(baseDir.resolve("binlog"));
      Files.writeString(config, base + extraOptions + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts mariadbd and waits until it accepts connections; fails with the error log otherwise. */
  public void start() {
    Optional<String> failure = tryStart(Duration.ofSeconds(90));
    if (failure.isPresent()) {
      throw new IllegalStateException("MariaDB did not start: " + failure.get());
    }
  }

  /**
   * Starts mariadbd; returns empty when it accepts connections, or the reason (exit code and end
   * of the error log) when it exits first or does not come up within {@code timeout}.
   */
  public Optional<String> tryStart(Duration timeout) {
    if (!Files.exists(config)) {
      configure("");
    }
    try {
      process =
          new ProcessBuilder(MARIADBD.toString(), "--defaults-file=" + config)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("stdout.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return Optional.of("mariadbd exited with " + process.exitValue() + ": " + tail(errorLog));
      }
      if (canConnect()) {
        return Optional.empty();
      }
      pause();
    }
    stop();
    return Optional.of("not accepting connections after " + timeout.toSeconds() + " s: " + tail(errorLog));
  }

  /** Graceful shutdown (SIGTERM) and wait. */
  public void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    process = null;
  }

  public void restart() {
    stop();
    start();
  }

  public boolean running() {
    return process != null && process.isAlive();
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?user=root&password=&connectTimeout=2000");
  }

  /** Runs each statement in order on one connection. */
  public void execute(String... statements) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  /** The first column of the first row, or null when there is no row. */
  public String queryOne(String query) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  public int port() {
    return port;
  }

  public Path datadir() {
    return datadir;
  }

  public Path binlogDir() {
    return baseDir.resolve("binlog");
  }

  public Path errorLog() {
    return errorLog;
  }

  /** The error log's text (for assertions on what MariaDB said). */
  public String errorLogText() {
    try {
      return Files.exists(errorLog) ? Files.readString(errorLog, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private boolean canConnect() {
    try (Connection ignored = connect()) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String osUser() {
    return System.getProperty("user.name");
  }

  static String tail(Path file) {
    try {
      if (!Files.exists(file)) {
        return "(no " + file.getFileName() + ")";
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
      return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 40), lines.size())));
    } catch (IOException e) {
      return "(cannot read " + file + ")";
    }
  }
}
