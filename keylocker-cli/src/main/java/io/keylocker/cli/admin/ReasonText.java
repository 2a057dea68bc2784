package io.keylocker.cli.admin;

import io.keylocker.cli.SafeText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --reason} of {@code key compromise} and {@code server revoke}: why a key version is no
 * longer trusted or a server was revoked, kept by the locker. 1 to 500 printable characters (no control or invisible formatting
 * characters, since it is shown again on terminals), not only spaces.
 */
public final class ReasonText implements ITypeConverter<String> {
  static final int MAX_LENGTH = 500;

  @Override
  public String convert(String value) {
    long length = value.codePointCount(0, value.length());
    if (value.isBlank() || length > MAX_LENGTH) {
      throw new TypeConversionException("the reason must be 1 to " + MAX_LENGTH + " characters, not only spaces");
    }
    if (!SafeText.line(value).equals(value)) {
      throw new TypeConversionException("the reason must be printable text: no control or formatting characters");
    }
    return value;
  }
}
