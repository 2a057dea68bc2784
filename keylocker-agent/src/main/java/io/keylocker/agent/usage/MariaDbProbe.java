package io.keylocker.agent.usage;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.usage.DatabaseSnapshot.NamedLog;
import io.keylocker.agent.usage.DatabaseSnapshot.TablespaceRow;
import io.keylocker.crypto.SecretBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@link DatabaseProbe} for MariaDB 10.8+: one JDBC connection per snapshot (read-only queries),
 * plus the first bytes of {@code ib_logfile0} and of each binary log, found through the server's
 * own {@code @@datadir}, {@code @@innodb_log_group_home_dir} and {@code @@log_bin_basename} (so the
 * agent must be able to read them; when it cannot, that part is reported as unknown). Holds the
 * password in {@link SecretBytes} and wipes it on {@link #close()}.
 */
public final class MariaDbProbe implements DatabaseProbe, AutoCloseable {
  static final String TABLESPACES_SQL = "SELECT NAME, ENCRYPTION_SCHEME, CURRENT_KEY_ID, MIN_KEY_VERSION,"
      + " CURRENT_KEY_VERSION, ROTATING_OR_FLUSHING, SPACE FROM information_schema.INNODB_TABLESPACES_ENCRYPTION";
  /**
   * InnoDB user tables whose tablespace has no encryption data (created before encryption was
   * enabled) or is marked unencrypted. INNODB_TABLESPACES_ENCRYPTION alone misses the former.
   */
  static final String UNENCRYPTED_SQL = "SELECT s.NAME FROM information_schema.INNODB_SYS_TABLESPACES s"
      + " LEFT JOIN information_schema.INNODB_TABLESPACES_ENCRYPTION e ON e.SPACE = s.SPACE"
      + " WHERE (e.SPACE IS NULL OR e.ENCRYPTION_SCHEME = 0) AND s.NAME LIKE '%/%'"
      + " AND SUBSTRING_INDEX(s.NAME, '/', 1) NOT IN ('mysql', 'sys', 'performance_schema', 'information_schema')";
  static final String SERVER_SQL =
      "SELECT @@datadir, @@innodb_log_group_home_dir, @@log_bin_basename, VERSION(),"
          + " (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'UPTIME')";

  private final String url;
  /** The URL without its query, for messages. */
  private final String location;
  private final String user;
  private final Optional<SecretBytes> password;

  private MariaDbProbe(String url, String user, Optional<SecretBytes> password) {
    this.url = url;
    this.location = url.replaceFirst("[?;].*", "");
    this.user = user;
    this.password = password;
  }

  /** Reads the password (the first line of the file, if one is given) now. */
  public static MariaDbProbe open(UsageSettings settings) {
    return new MariaDbProbe(settings.jdbcUrl(), settings.user(), settings.passwordFile().map(MariaDbProbe::firstLine));
  }

  /** The first line; empty when the file is empty, because a secret is never zero bytes long. */
  private static SecretBytes firstLine(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new AgentException.InvalidInput("cannot read the database password file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    int end = 0;
    while (end < content.length && content[end] != '\n' && content[end] != '\r') {
      end++;
    }
    try {
      if (end == 0) {
        throw new AgentException.InvalidInput("the database password file " + file + " has an empty first line");
      }
      return SecretBytes.copyOf(content, 0, end);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  @Override
  public DatabaseSnapshot snapshot() {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      String product = connection.getMetaData().getDatabaseProductName();
      List<TablespaceRow> tablespaces = tablespaces(statement);
      List<String> unencrypted = strings(statement, UNENCRYPTED_SQL);
      try (ResultSet server = statement.executeQuery(SERVER_SQL)) {
        server.next();
        Path datadir = Path.of(server.getString(1));
        String redoDir = server.getString(2);
        Path redoLog = datadir.resolve(redoDir == null ? "" : redoDir).resolve("ib_logfile0");
        Optional<String> binlogBase = Optional.ofNullable(server.getString(3)).map(b -> datadir.resolve(b).toString());
        String version = server.getString(4);
        long uptime = server.getLong(5);
        return new DatabaseSnapshot(product, version, uptime, tablespaces, unencrypted,
            LogHeaders.read(redoLog, LogHeaders::redoLog), binlogs(statement, binlogBase));
      }
    } catch (SQLException e) {
      throw new AgentException.Refused("cannot read the database's encryption status at " + location + ": " + e.getMessage());
    }
  }

  private Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    // JDBC accepts a password only as a String, which cannot be wiped: it is made here for this one
    // call and dropped with the Properties; the SecretBytes stays the only long-lived copy.
    password.ifPresent(p -> properties.setProperty("password", p.apply(bytes -> new String(bytes, StandardCharsets.UTF_8))));
    properties.setProperty("connectTimeout", "5000");
    properties.setProperty("socketTimeout", "30000");
    return DriverManager.getConnection(url, properties);
  }

  private static List<TablespaceRow> tablespaces(Statement statement) throws SQLException {
    List<TablespaceRow> rows = new ArrayList<>();
    try (ResultSet r = statement.executeQuery(TABLESPACES_SQL)) {
      while (r.next()) {
        String name = r.getString(1) == null ? "space " + r.getLong(7) : r.getString(1);
        rows.add(new TablespaceRow(name, r.getInt(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getInt(6) != 0));
      }
    }
    return rows;
  }

  private static List<String> strings(Statement statement, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet r = statement.executeQuery(sql)) {
      while (r.next()) {
        values.add(r.getString(1));
      }
    }
    return values;
  }

  /** Empty binary logging → no files; the list unobtainable (e.g. no BINLOG MONITOR) → unknown. */
  private static Optional<List<NamedLog>> binlogs(Statement statement, Optional<String> basename) {
    if (basename.isEmpty()) {
      return Optional.of(List.of());
    }
    Path directory = Path.of(basename.get()).getParent();
    List<NamedLog> logs = new ArrayList<>();
    try (ResultSet r = statement.executeQuery("SHOW BINARY LOGS")) {
      while (r.next() && logs.size() <= UsageReport.MAX_BINLOGS) {
        String file = r.getString(1);
        boolean plainName = file != null && !file.isEmpty() && !file.contains("/") && !file.startsWith(".");
        logs.add(new NamedLog(String.valueOf(file), plainName ? LogHeaders.read(directory.resolve(file), LogHeaders::binlog)
            : new LogEncryption.Unreadable("unexpected binary log name")));
      }
    } catch (SQLException e) {
      return Optional.empty();
    }
    return Optional.of(logs);
  }

  /** Wipes the password. */
  @Override
  public void close() {
    password.ifPresent(SecretBytes::close);
  }
}
