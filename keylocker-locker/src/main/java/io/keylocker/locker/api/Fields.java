package io.keylocker.locker.api;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.VersionNumber;
import java.util.Base64;
import java.util.function.Supplier;

/** Turning DTO fields into domain values with errors that name the field. */
final class Fields {
  private Fields() {}

  /**
   * {@code name} inside {@code prefix} ({@code keys[0].key_id}), or just {@code name} at the top.
   */
  static String path(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  static <T> T require(T value, String field) {
    if (value == null) {
      throw new LockerException.Invalid("field '" + field + "' is required");
    }
    return value;
  }

  /** Standard base64 with padding (docs/api.md). */
  static byte[] base64(String value, String field) {
    try {
      return Base64.getDecoder().decode(require(value, field));
    } catch (IllegalArgumentException e) {
      throw new LockerException.Invalid("field '" + field + "' must be standard base64");
    }
  }

  /** A key id path segment; 400 unless a number in 1..{@link KeyId#MAX}. */
  static KeyId keyIdSegment(String segment) {
    try {
      return new KeyId(Long.parseLong(segment));
    } catch (NumberFormatException | LockerException.Invalid e) {
      throw new LockerException.Invalid(
          "key_id in the path must be a number between 1 and " + KeyId.MAX);
    }
  }

  /** A version path segment; 400 unless a number in 1..2^31-1. */
  static VersionNumber versionSegment(String segment) {
    try {
      return new VersionNumber(Long.parseLong(segment));
    } catch (NumberFormatException | LockerException.Invalid e) {
      throw new LockerException.Invalid(
          "version in the path must be a number between 1 and " + Integer.MAX_VALUE);
    }
  }

  /** Builds a domain value, prefixing a rule violation with the field it came from. */
  static <T> T at(String field, Supplier<T> build) {
    try {
      return build.get();
    } catch (LockerException.Invalid e) {
      throw new LockerException.Invalid(field + ": " + e.getMessage());
    }
  }
}
