package io.keylocker.cli.admin;

import io.keylocker.cli.SafeText;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration option: a whole number with a unit, {@code 90s}, {@code 30m}, {@code 24h} or {@code
 * 7d}. Each subclass names the range the locker accepts (and whether only whole days make sense,
 * for values the locker keeps in days), so a wrong value is a usage error before any request.
 */
public abstract class DurationOption implements ITypeConverter<Duration> {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})([smhd])");

  private final String example;
  private final Duration min;
  private final Duration max;
  private final boolean wholeDays;

  DurationOption(String example, Duration min, Duration max, boolean wholeDays) {
    this.example = example;
    this.min = min;
    this.max = max;
    this.wholeDays = wholeDays;
  }

  @Override
  public final Duration convert(String value) {
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + SafeText.line(value) + "' is not a duration: use a number with s, m, h or d, for example " + example);
    }
    long amount = Long.parseLong(m.group(1));
    Duration duration =
        switch (m.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
    if (wholeDays && duration.toSeconds() % Duration.ofDays(1).toSeconds() != 0) {
      throw new TypeConversionException("'" + value + "' is not a whole number of days, for example " + example);
    }
    if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
      throw new TypeConversionException("'" + value + "' is out of range: use " + text(min) + " to " + text(max));
    }
    return duration;
  }

  /** The shortest exact way to write a bound in the syntax the option accepts. */
  private static String text(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    return seconds != 0 && seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds + "s";
  }

  /** {@code key destroy --grace}: 0 s (destroy when the scheduler next runs) to 365 days. */
  public static final class DestroyGrace extends DurationOption {
    public DestroyGrace() {
      super("7d", Duration.ZERO, Duration.ofDays(365), false);
    }
  }

  /** {@code key policy --cryptoperiod}: 1 to 3650 whole days. */
  public static final class Cryptoperiod extends DurationOption {
    public Cryptoperiod() {
      super("90d", Duration.ofDays(1), Duration.ofDays(3650), true);
    }
  }

  /** {@code key policy --destroy-grace}: 0 to 365 whole days. */
  public static final class PolicyGrace extends DurationOption {
    public PolicyGrace() {
      super("7d", Duration.ZERO, Duration.ofDays(365), true);
    }
  }
}
