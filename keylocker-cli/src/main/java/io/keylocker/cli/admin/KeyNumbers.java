package io.keylocker.cli.admin;

import io.keylocker.cli.SafeText;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Key ids (1..4294967295, MariaDB's uint32) and key versions (1..2^31-1) as docs/api.md bounds
 * them. Checked before a request is made because both become URL path segments.
 */
public final class KeyNumbers {
  public static final long MAX_KEY_ID = 4_294_967_295L;
  public static final long MAX_VERSION = Integer.MAX_VALUE;
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

  private KeyNumbers() {}

  static long parse(String value, String what, long max) {
    if (DIGITS.matcher(value).matches()) {
      long number = Long.parseLong(value);
      if (number >= 1 && number <= max) {
        return number;
      }
    }
    throw new TypeConversionException(
        "'" + SafeText.line(value) + "' is not a " + what + ": use a whole number from 1 to " + max);
  }

  /** {@code --key}: a key id. */
  public static final class KeyId implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return parse(value, "key id", MAX_KEY_ID);
    }
  }

  /** {@code --version}: a key version. */
  public static final class Version implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Math.toIntExact(parse(value, "key version", MAX_VERSION));
    }
  }
}
