package io.keylocker.locker.api;

import io.keylocker.locker.error.LockerException;

/** The error codes of docs/api.md with their HTTP status, and the one exception mapping. */
enum ErrorCode {
  BAD_REQUEST(400),
  UNAUTHENTICATED(401),
  FORBIDDEN(403),
  REVOKED(403),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  CONFLICT(409),
  GONE(410),
  PAYLOAD_TOO_LARGE(413),
  INTERNAL(500);

  final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  static ErrorCode of(LockerException failure) {
    return switch (failure) {
      case LockerException.Invalid e -> BAD_REQUEST;
      case LockerException.Unauthenticated e -> UNAUTHENTICATED;
      case LockerException.Forbidden e -> FORBIDDEN;
      case LockerException.Revoked e -> REVOKED;
      case LockerException.NotFound e -> NOT_FOUND;
      case LockerException.MethodNotAllowed e -> METHOD_NOT_ALLOWED;
      case LockerException.Conflict e -> CONFLICT;
      case LockerException.Gone e -> GONE;
      case LockerException.TooLarge e -> PAYLOAD_TOO_LARGE;
    };
  }

  /** For errors Jetty raises before our handler runs (malformed HTTP, oversized headers). */
  static ErrorCode ofStatus(int status) {
    for (ErrorCode code : values()) {
      if (code.status == status) {
        return code;
      }
    }
    return status < 500 ? BAD_REQUEST : INTERNAL;
  }
}
