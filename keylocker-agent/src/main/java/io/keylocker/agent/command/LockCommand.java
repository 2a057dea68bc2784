package io.keylocker.agent.command;

import picocli.CommandLine.Command;

/** {@code agent lock}: wipes every key from the running daemon. */
@Command(name = "lock", description = "Lock the running agent: wipe the KEK and every key from memory.")
final class LockCommand extends AgentSubcommand {
  @Override
  void run() {
    agent().operations().control(stateDir).lock();
    out().println("locked: keys wiped from memory; the Vault endpoint answers \"sealed\"");
  }
}
