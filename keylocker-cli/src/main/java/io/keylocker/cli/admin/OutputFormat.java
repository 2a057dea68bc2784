package io.keylocker.cli.admin;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format}: {@code text} for people, {@code json} (the locker's answer as-is) for scripts. */
public enum OutputFormat {
  TEXT,
  JSON;

  /** Accepts {@code text} and {@code json} in any case. */
  public static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "text" -> TEXT;
        case "json" -> JSON;
        default -> throw new TypeConversionException("expected json or text");
      };
    }
  }
}
