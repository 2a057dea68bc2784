package io.keylocker.agent.command;

import picocli.CommandLine.Command;

/** {@code keylocker agent ...}: the agent on the database host. Subcommands are added here. */
@Command(name = "agent", description = "Run and control the agent on the database host.", subcommands = {})
public final class AgentCommand {}
