package io.keylocker.cli;

/** The CLI exit codes of docs/api.md. Every failure the CLI reports maps to exactly one of these. */
public enum ExitStatus {
  OK(0),
  /** The operation was refused or failed; the message says why. */
  FAILED(1),
  /** The command line was wrong (unknown option, missing argument, malformed value). */
  USAGE(2),
  /** The locker (or the agent) could not be reached, including TLS failures. */
  UNREACHABLE(3),
  /** Authentication failed: admin token, certificate or passphrase. */
  UNAUTHENTICATED(4),
  NOT_FOUND(5);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
