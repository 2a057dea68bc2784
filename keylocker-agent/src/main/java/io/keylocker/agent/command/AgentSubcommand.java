package io.keylocker.agent.command;

import io.keylocker.agent.error.AgentException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Shared by every agent subcommand: {@code --state-dir} and the one mapping from {@link
 * AgentException} to exit code (docs/api.md) with one line {@code keylocker: <message>} on stderr,
 * never a stack trace. Anything unexpected propagates to the CLI, which reports an internal error.
 */
abstract class AgentSubcommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--state-dir", required = true, paramLabel = "DIR", description = "The agent's state directory.")
  Path stateDir;

  /** Does the work; output goes to {@link #out()}. */
  abstract void run();

  @Override
  public final Integer call() {
    try {
      run();
      return 0;
    } catch (AgentException e) {
      return fail(e.getMessage(), exitCode(e));
    }
  }

  private int fail(String message, int exitCode) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("keylocker: " + message);
    err.flush();
    return exitCode;
  }

  /** 0 ok · 1 refused · 2 usage · 3 unreachable · 4 authentication · 5 not found. */
  static int exitCode(AgentException e) {
    return switch (e) {
      case AgentException.Refused refused -> 1;
      case AgentException.Revoked revoked -> 1;
      case AgentException.InvalidInput invalid -> 2;
      case AgentException.Unreachable unreachable -> 3;
      case AgentException.AuthenticationFailed failed -> 4;
      case AgentException.NotFound notFound -> 5;
    };
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  AgentCommand agent() {
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      if (s.userObject() instanceof AgentCommand agent) {
        return agent;
      }
    }
    throw new IllegalStateException("not run under the agent command");
  }
}
