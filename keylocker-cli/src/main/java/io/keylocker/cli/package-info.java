/**
 * The {@code keylocker} command line: the entry point of the one runnable jar, the exit-code
 * contract of docs/api.md (0 ok, 1 refused or failed, 2 usage, 3 unreachable, 4 authentication,
 * 5 not found) and the choice of log level (INFO for the daemons, WARN for everything else).
 * Subcommands for the locker and the agent live in their own modules; the admin commands that
 * talk to a running locker live in {@code io.keylocker.cli.admin}.
 */
package io.keylocker.cli;
