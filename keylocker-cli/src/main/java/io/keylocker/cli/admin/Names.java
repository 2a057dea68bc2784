package io.keylocker.cli.admin;

import io.keylocker.cli.SafeText;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Tenant and server names as docs/api.md defines them. Checked before a request is made because
 * names become URL path segments: a name can never be {@code ..} or contain {@code /}.
 */
public final class Names {
  static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private Names() {}

  public static boolean valid(String name) {
    return NAME.matcher(name).matches();
  }

  /** picocli converter: a malformed name is a usage error (exit 2). */
  public static final class Converter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!valid(value)) {
        throw new TypeConversionException(
            "'" + SafeText.line(value) + "' is not a valid name: use 1 to 63 characters a-z 0-9 . _ -,"
                + " starting with a letter or digit");
      }
      return value;
    }
  }
}
