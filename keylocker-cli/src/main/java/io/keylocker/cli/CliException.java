package io.keylocker.cli;

import picocli.CommandLine.IExitCodeGenerator;

/**
 * An expected failure of a command: printed as one line {@code keylocker: <message>} on stderr,
 * then the process exits with {@link #status()}. The message must be readable on its own and never
 * contain a token or other secret. {@link ExitCodes} maps it, and the other modules' expected
 * failures, to the exit code.
 */
public final class CliException extends RuntimeException implements IExitCodeGenerator {
  private static final long serialVersionUID = 1L;

  private final ExitStatus status;

  public CliException(ExitStatus status, String message) {
    super(message);
    if (status == ExitStatus.OK) {
      throw new IllegalArgumentException("a failure cannot exit with 0");
    }
    this.status = status;
  }

  public CliException(ExitStatus status, String message, Throwable cause) {
    this(status, message);
    initCause(cause);
  }

  public ExitStatus status() {
    return status;
  }

  @Override
  public int getExitCode() {
    return status.code();
  }
}
