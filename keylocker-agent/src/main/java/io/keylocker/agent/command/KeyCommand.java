package io.keylocker.agent.command;

import io.keylocker.agent.control.CreatedKey;
import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keys.KeyIds;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code agent key ...}: key operations on the running, unlocked daemon. */
@Command(name = "key", description = "Manage keys of the running agent.", synopsisSubcommandLabel = "COMMAND",
    subcommands = KeyCommand.Create.class)
final class KeyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** {@code agent key create --id N}: a new key id, version 1, generated in the agent. */
  @Command(name = "create", description = "Create a new key id (version 1), generated and wrapped in the agent.")
  static final class Create extends AgentSubcommand {
    @Option(names = "--id", required = true, paramLabel = "N", description = "Key id, 1..4294967295.")
    long keyId;

    @Override
    void run() {
      if (!KeyIds.validKeyId(keyId)) {
        throw new AgentException.InvalidInput("key ids are from 1 to " + KeyIds.MAX_KEY_ID + ", got " + keyId);
      }
      CreatedKey created = agent().operations().control(stateDir).createKey(keyId);
      out().printf("created key %d version %d (%s)%n", created.keyId(), created.version(), created.createdAt());
    }
  }
}
