package io.keylocker.agent.command;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.lockerclient.Enroller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agent enroll}: turns a one-time token into the agent's identity in a new state directory. */
@Command(name = "enroll", description = "Enroll this agent with the locker using a one-time token.")
final class EnrollCommand extends AgentSubcommand {
  @ArgGroup(multiplicity = "1")
  TokenSource token;

  static final class TokenSource {
    @Option(names = "--token", paramLabel = "TOKEN", description = "The kle1. enrollment token.")
    String value;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file whose first line is the token.")
    Path file;

    String read() {
      if (value != null) {
        return value;
      }
      try {
        return Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      } catch (IOException e) {
        throw new AgentException.InvalidInput("cannot read the token file " + file + " (" + e.getClass().getSimpleName() + ")");
      }
    }
  }

  @Override
  void run() {
    Enroller.Enrolled enrolled = agent().operations().enroll(stateDir, token.read());
    out().printf("enrolled as %s/%s with the locker at %s (certificate valid until %s)%n",
        enrolled.enrollment().tenant(), enrolled.enrollment().server(), enrolled.enrollment().locker(),
        enrolled.certificateExpiresAt());
    out().printf("next: keylocker agent init --state-dir %s%n", stateDir);
  }
}
