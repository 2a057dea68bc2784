package io.keylocker.locker.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keylocker locker ...}: runs the locker. */
@Command(
    name = "locker",
    description = "Run the locker (central service).",
    subcommands = {StartCommand.class})
public final class LockerCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand (try: keylocker locker start)");
  }
}
