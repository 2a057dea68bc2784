package io.keylocker.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the root log level before anything touches SLF4J: the long-running daemons ({@code
 * locker start}, {@code agent run}) log INFO to stderr, every other command only WARN and above so
 * that its output stays clean. {@code KEYLOCKER_LOG_LEVEL} overrides both. The level reaches
 * logback.xml through the {@value #PROPERTY} system property.
 */
public final class LogLevels {
  public static final String PROPERTY = "keylocker.log.level";
  public static final String VARIABLE = "KEYLOCKER_LOG_LEVEL";
  static final String DAEMON = "INFO";
  static final String COMMAND = "WARN";
  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
  private static final Set<List<String>> DAEMONS = Set.of(List.of("locker", "start"), List.of("agent", "run"));

  private LogLevels() {}

  public static String forArguments(String[] args, Map<String, String> environment) {
    String override = environment.getOrDefault(VARIABLE, "").trim().toUpperCase(Locale.ROOT);
    if (LEVELS.contains(override)) {
      return override;
    }
    return isDaemon(args) ? DAEMON : COMMAND;
  }

  /** True when the first two words that are not options name a daemon command. */
  static boolean isDaemon(String[] args) {
    List<String> words = new ArrayList<>(2);
    for (String arg : args) {
      if (arg.startsWith("-")) {
        continue;
      }
      words.add(arg);
      if (words.size() == 2) {
        break;
      }
    }
    return DAEMONS.contains(words);
  }
}
