package io.keylocker.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Builds and runs the {@code keylocker} command line with the one exit-code mapping of the CLI:
 * usage errors exit 2 with one line and a hint; an expected failure ({@link ExitCodes}) exits
 * with its code and its message on one line; anything else is an internal error, exit 1, with a
 * stack trace only when {@code KEYLOCKER_DEBUG=1}.
 */
public final class Cli {
  private Cli() {}

  /** Parses and runs {@code args}; never throws; returns the process exit code. */
  public static int run(CliContext context, String[] args) {
    try {
      return execute(commandLine(context), context, args);
    } catch (RuntimeException | Error e) {
      return internalError(e, context);
    }
  }

  /** The configured command tree; tests may add subcommands and then call {@link #execute}. */
  public static CommandLine commandLine(CliContext context) {
    return new CommandLine(new KeylockerCommand(), new ContextFactory(context));
  }

  public static int execute(CommandLine cli, CliContext context, String[] args) {
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setParameterExceptionHandler((ex, ignoredArgs) -> usageError(ex, context));
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failure(ex, context));
    cli.setExecutionStrategy(Cli::executeLeaf);
    try {
      return cli.execute(args);
    } finally {
      context.out().flush();
      context.err().flush();
    }
  }

  private static int executeLeaf(ParseResult parseResult) {
    Integer help = CommandLine.executeHelpRequest(parseResult);
    if (help != null) {
      return help;
    }
    ParseResult leaf = parseResult;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    CommandLine command = leaf.commandSpec().commandLine();
    Object user = command.getCommand();
    boolean runnable = user instanceof Runnable || user instanceof Callable<?> || user instanceof Method;
    if (!runnable) {
      throw new ParameterException(
          command,
          command.getSubcommands().isEmpty()
              ? "this command has nothing to run yet"
              : "missing command: choose one of " + String.join(", ", command.getSubcommands().keySet()));
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  private static int usageError(ParameterException ex, CliContext context) {
    context.err().println("keylocker: " + SafeText.line(ex.getMessage()));
    context.err().println("(see " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
    return ExitStatus.USAGE.code();
  }

  private static int failure(Exception ex, CliContext context) {
    Optional<Integer> code = ExitCodes.of(ex);
    if (code.isEmpty()) {
      return internalError(ex, context);
    }
    context.err().println("keylocker: " + SafeText.line(ex.getMessage()));
    if (context.debug()) {
      ex.printStackTrace(context.err());
    }
    return code.get();
  }

  private static int internalError(Throwable ex, CliContext context) {
    context.err().println("keylocker: internal error: " + ex.getClass().getName());
    if (context.debug()) {
      ex.printStackTrace(context.err());
    }
    context.err().flush();
    return ExitStatus.FAILED.code();
  }

  /** Gives commands that take a {@link CliContext} in their constructor the running context. */
  private record ContextFactory(CliContext context) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        Class<?>[] parameters = constructor.getParameterTypes();
        if (parameters.length == 1 && parameters[0] == CliContext.class) {
          constructor.setAccessible(true);
          return type.cast(constructor.newInstance(context));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
