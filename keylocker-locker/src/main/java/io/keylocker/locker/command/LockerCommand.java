package io.keylocker.locker.command;

import picocli.CommandLine.Command;

/** {@code keylocker locker ...}: runs the locker. Subcommands are added here. */
@Command(name = "locker", description = "Run the locker (central service).", subcommands = {})
public final class LockerCommand {}
