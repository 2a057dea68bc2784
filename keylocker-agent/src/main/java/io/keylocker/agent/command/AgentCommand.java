package io.keylocker.agent.command;

import io.keylocker.agent.AgentOperations;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keylocker agent ...}: the agent on the database host (composition root of the CLI side). */
@Command(
    name = "agent",
    description = "Run and control the agent on the database host.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      EnrollCommand.class,
      InitCommand.class,
      RunCommand.class,
      UnlockCommand.class,
      LockCommand.class,
      StatusCommand.class,
      KeyCommand.class,
      MariadbConfigCommand.class
    })
public final class AgentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final AgentOperations operations;
  private final Clock clock;

  public AgentCommand() {
    this(new AgentOperations(new SecureRandom()), Clock.systemUTC());
  }

  public AgentCommand(AgentOperations operations, Clock clock) {
    this.operations = operations;
    this.clock = clock;
  }

  AgentOperations operations() {
    return operations;
  }

  Clock clock() {
    return clock;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
