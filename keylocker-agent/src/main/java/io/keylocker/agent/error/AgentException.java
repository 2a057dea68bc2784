package io.keylocker.agent.error;

/**
 * A failure the user can act on. The kind says what went wrong (and so the CLI exit code); the
 * message says why, in one sentence without tokens, passphrases or key material.
 */
public abstract sealed class AgentException extends RuntimeException {
  /** Stable wire names of the kinds (the control socket carries them between processes). */
  public enum Code {
    INVALID_INPUT,
    REFUSED,
    UNREACHABLE,
    AUTHENTICATION_FAILED,
    NOT_FOUND,
    REVOKED
  }

  private AgentException(String message, Throwable cause) {
    super(message, cause);
  }

  public abstract Code code();

  /** Rebuilds an exception received from another process. */
  public static AgentException of(Code code, String message) {
    return switch (code) {
      case INVALID_INPUT -> new InvalidInput(message);
      case REFUSED -> new Refused(message);
      case UNREACHABLE -> new Unreachable(message, null);
      case AUTHENTICATION_FAILED -> new AuthenticationFailed(message);
      case NOT_FOUND -> new NotFound(message);
      case REVOKED -> new Revoked();
    };
  }

  /** Malformed or out-of-range input (a usage error). */
  public static final class InvalidInput extends AgentException {
    public InvalidInput(String message) {
      super(message, null);
    }

    @Override
    public Code code() {
      return Code.INVALID_INPUT;
    }
  }

  /** The operation was refused or failed; the message says why. */
  public static final class Refused extends AgentException {
    public Refused(String message) {
      super(message, null);
    }

    public Refused(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public Code code() {
      return Code.REFUSED;
    }
  }

  /** The locker or the running agent cannot be reached. */
  public static final class Unreachable extends AgentException {
    public Unreachable(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public Code code() {
      return Code.UNREACHABLE;
    }
  }

  /** A token, certificate or passphrase was not accepted. */
  public static final class AuthenticationFailed extends AgentException {
    public AuthenticationFailed(String message) {
      super(message, null);
    }

    public AuthenticationFailed(String message, Throwable cause) {
      super(message, cause);
    }

    @Override
    public Code code() {
      return Code.AUTHENTICATION_FAILED;
    }
  }

  /** Something that must exist does not (state directory, keyring, key). */
  public static final class NotFound extends AgentException {
    public NotFound(String message) {
      super(message, null);
    }

    @Override
    public Code code() {
      return Code.NOT_FOUND;
    }
  }

  /**
   * The locker revoked this server: the agent wiped its keys and refuses to unlock, for good. The
   * message is always the same, so it can be shown anywhere.
   */
  public static final class Revoked extends AgentException {
    public static final String MESSAGE = "this server was revoked by the locker; re-enroll";

    public Revoked() {
      super(MESSAGE, null);
    }

    @Override
    public Code code() {
      return Code.REVOKED;
    }
  }
}
