package io.keylocker.locker.error;

/**
 * An expected failure with a message safe to show to the caller. Anything else thrown by a service
 * is a bug or an outage and is reported as an internal error without details.
 */
public abstract sealed class LockerException extends RuntimeException
    permits LockerException.Invalid,
        LockerException.Unauthenticated,
        LockerException.Forbidden,
        LockerException.Revoked,
        LockerException.NotFound,
        LockerException.Conflict,
        LockerException.Gone,
        LockerException.TooLarge,
        LockerException.MethodNotAllowed {

  private LockerException(String message) {
    super(message, null, false, false);
  }

  /** The request is malformed or a value breaks a rule. */
  public static final class Invalid extends LockerException {
    public Invalid(String message) {
      super(message);
    }
  }

  /** No or unknown credentials. */
  public static final class Unauthenticated extends LockerException {
    public Unauthenticated(String message) {
      super(message);
    }
  }

  /** Known transport identity that may not act (for example a certificate no longer current). */
  public static final class Forbidden extends LockerException {
    public Forbidden(String message) {
      super(message);
    }
  }

  /** The client certificate belongs to a server that was revoked: refused on every request. */
  public static final class Revoked extends LockerException {
    public Revoked() {
      super("this server was revoked");
    }
  }

  /** The addressed tenant, server, keyring or route does not exist. */
  public static final class NotFound extends LockerException {
    public NotFound(String message) {
      super(message);
    }
  }

  /** The change contradicts the current state (exists already, wrong next version, enrolled). */
  public static final class Conflict extends LockerException {
    public Conflict(String message) {
      super(message);
    }
  }

  /** The thing existed but is no longer usable (an expired or used enrollment token). */
  public static final class Gone extends LockerException {
    public Gone(String message) {
      super(message);
    }
  }

  /** The request is larger than the configured limit. */
  public static final class TooLarge extends LockerException {
    public TooLarge(String message) {
      super(message);
    }
  }

  /** The route exists but not for this method. */
  public static final class MethodNotAllowed extends LockerException {
    public MethodNotAllowed(String message) {
      super(message);
    }
  }
}
