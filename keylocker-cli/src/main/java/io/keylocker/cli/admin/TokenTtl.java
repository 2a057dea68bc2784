package io.keylocker.cli.admin;

import io.keylocker.cli.SafeText;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --token-ttl}: a whole number with a unit, {@code 90s}, {@code 30m}, {@code 24h} or
 * {@code 7d}. The locker enforces the allowed range (60 s to 7 days) and answers 400 outside it.
 */
public final class TokenTtl implements ITypeConverter<Duration> {
  private static final Pattern DURATION = Pattern.compile("([0-9]{1,7})([smhd])");

  @Override
  public Duration convert(String value) {
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + SafeText.line(value) + "' is not a duration: use a number with s, m, h or d, for example 24h");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
