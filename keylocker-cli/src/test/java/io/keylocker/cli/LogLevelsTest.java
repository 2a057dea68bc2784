package io.keylocker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class LogLevelsTest {
  @Test
  void daemons_logInfo() {
    assertThat(LogLevels.forArguments(new String[] {"locker", "start", "--data-dir", "x"}, Map.of())).isEqualTo("INFO");
    assertThat(LogLevels.forArguments(new String[] {"agent", "run", "--state-dir", "s"}, Map.of())).isEqualTo("INFO");
  }

  @Test
  void everyOtherCommand_logsOnlyWarnings() {
    for (String[] args :
        new String[][] {
          {}, {"tenant", "list"}, {"agent", "unlock"}, {"agent", "enroll", "--token", "run"}, {"locker"}, {"--help"}
        }) {
      assertThat(LogLevels.forArguments(args, Map.of())).as(String.join(" ", args)).isEqualTo("WARN");
    }
  }

  @Test
  void environmentOverride_winsWhenItIsALevel() {
    assertThat(LogLevels.forArguments(new String[] {"tenant", "list"}, Map.of("KEYLOCKER_LOG_LEVEL", "debug"))).isEqualTo("DEBUG");
    assertThat(LogLevels.forArguments(new String[] {"locker", "start"}, Map.of("KEYLOCKER_LOG_LEVEL", "loud"))).isEqualTo("INFO");
  }

  @Test
  void logbackConfiguration_takesItsRootLevelFromTheProperty() throws JoranException {
    assertThat(rootLevelWith("INFO")).isEqualTo(Level.INFO);
    assertThat(rootLevelWith("WARN")).isEqualTo(Level.WARN);
  }

  @Test
  void logbackConfiguration_withoutTheProperty_staysQuiet() throws JoranException {
    assertThat(rootLevelWith(null)).isEqualTo(Level.WARN);
  }

  /** Configures a fresh logback context from the shipped logback.xml, as the jar would. */
  private static Level rootLevelWith(String property) throws JoranException {
    LoggerContext context = new LoggerContext();
    if (property != null) {
      context.putProperty(LogLevels.PROPERTY, property);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogLevelsTest.class.getResource("/logback.xml"));
    try {
      return context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel();
    } finally {
      context.stop();
    }
  }
}
