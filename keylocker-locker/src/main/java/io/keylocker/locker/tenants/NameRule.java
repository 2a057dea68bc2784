package io.keylocker.locker.tenants;

import io.keylocker.locker.error.LockerException;
import java.util.regex.Pattern;

/** The rule for tenant and server names: lower-case, URL- and path-safe, at most 63 characters. */
public final class NameRule {
  private static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private NameRule() {}

  /** Returns {@code value} when it is a valid name; otherwise rejects it naming {@code what}. */
  public static String require(String value, String what) {
    if (value == null || !PATTERN.matcher(value).matches()) {
      throw new LockerException.Invalid(what + " name must match ^" + PATTERN.pattern() + "$");
    }
    return value;
  }
}
