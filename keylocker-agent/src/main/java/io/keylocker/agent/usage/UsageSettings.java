package io.keylocker.agent.usage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How to watch the database: a {@code jdbc:mariadb://} URL, the monitoring account (it needs the
 * PROCESS privilege for the InnoDB tables of {@code information_schema} and BINLOG MONITOR for
 * {@code SHOW BINARY LOGS}), the file whose first line is its password (a reference: the password
 * itself never appears in configuration or logs), and the interval (1 s .. 1 h). Validated by the
 * agent's configuration through {@link #problems()}.
 */
public record UsageSettings(String jdbcUrl, String user, Optional<Path> passwordFile, Duration interval) {
  public static final String URL_PREFIX = "jdbc:mariadb://";
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
  public static final Duration MAX_INTERVAL = Duration.ofHours(1);

  /** Every problem of these settings (empty when valid). */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (jdbcUrl == null || !jdbcUrl.startsWith(URL_PREFIX)) {
      problems.add("the database URL must start with " + URL_PREFIX);
    } else if (jdbcUrl.toLowerCase(Locale.ROOT).contains("password")) {
      problems.add("the database URL must not contain a password (give it with a password file)");
    }
    if (user == null || user.isBlank()) {
      problems.add("the database user is required with a database URL");
    }
    if (passwordFile == null || passwordFile.filter(f -> !Files.isReadable(f)).isPresent()) {
      problems.add("the database password file " + (passwordFile == null ? "" : passwordFile.get() + " ") + "is not readable");
    }
    if (interval == null || interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
      problems.add("the database interval must be from " + MIN_INTERVAL.toSeconds() + " to "
          + MAX_INTERVAL.toSeconds() + " seconds");
    }
    return problems;
  }
}
