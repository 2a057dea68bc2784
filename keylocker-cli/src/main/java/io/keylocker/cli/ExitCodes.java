package io.keylocker.cli;

import io.keylocker.locker.error.LockerException;
import java.util.Optional;
import picocli.CommandLine.IExitCodeGenerator;

/**
 * The CLI edge's one mapping from an expected failure to an exit code (docs/api.md). Expected
 * failures are the CLI's own {@link CliException} and the locker's {@link LockerException} (whose
 * messages are safe to show by their contract), and any exception that carries its own code
 * through picocli's {@link IExitCodeGenerator}. The agent's commands map their own errors (the
 * agent edge, {@code AgentSubcommand}). Everything else is unexpected: {@link Optional#empty()},
 * reported as an internal error.
 */
final class ExitCodes {
  private ExitCodes() {}

  static Optional<Integer> of(Throwable failure) {
    if (failure.getMessage() == null) {
      return Optional.empty();
    }
    return switch (failure) {
      case CliException e -> Optional.of(e.status().code());
      case LockerException e -> Optional.of(locker(e).code());
      case IExitCodeGenerator e when e.getExitCode() > 0 && e.getExitCode() < 126 -> Optional.of(e.getExitCode());
      default -> Optional.empty();
    };
  }

  /** At the CLI a locker exception comes from a local command ({@code locker ...}), not from HTTP. */
  private static ExitStatus locker(LockerException failure) {
    return switch (failure) {
      case LockerException.Invalid e -> ExitStatus.USAGE;
      case LockerException.Unauthenticated e -> ExitStatus.UNAUTHENTICATED;
      case LockerException.Forbidden e -> ExitStatus.UNAUTHENTICATED;
      case LockerException.Revoked e -> ExitStatus.UNAUTHENTICATED;
      case LockerException.NotFound e -> ExitStatus.NOT_FOUND;
      case LockerException.Conflict e -> ExitStatus.FAILED;
      case LockerException.Gone e -> ExitStatus.FAILED;
      case LockerException.TooLarge e -> ExitStatus.FAILED;
      case LockerException.MethodNotAllowed e -> ExitStatus.FAILED;
    };
  }
}
