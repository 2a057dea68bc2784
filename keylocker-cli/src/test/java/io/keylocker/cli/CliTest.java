package io.keylocker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CliTest {
  @TempDir Path dir;

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    private final RuntimeException failure;

    Boom(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() {
      throw failure;
    }
  }

  @Command(name = "own-help", mixinStandardHelpOptions = true, description = "Declares its own help options.")
  static final class OwnHelp implements Callable<Integer> {
    @Override
    public Integer call() {
      return 0;
    }
  }

  private InProcessCli cliFailingWith(RuntimeException failure) {
    return new InProcessCli(dir).extend(cli -> cli.addSubcommand(new CommandLine(new Boom(failure))));
  }

  @Test
  void unknownOption_isAUsageError_withOneLineAndAHintToTheRightHelp() {
    InProcessCli.Result result = new InProcessCli(dir).run("tenant", "list", "--bogus");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("keylocker: Unknown option: '--bogus'\n(see keylocker tenant list --help)\n");
  }

  @Test
  void missingParameter_andMalformedValues_areUsageErrors() {
    InProcessCli cli = new InProcessCli(dir);
    assertThat(cli.run("server", "add", "db1").err()).startsWith("keylocker: Missing required option: '--tenant=TENANT'");
    InProcessCli.Result badName = cli.run("tenant", "create", "Acme Corp");
    assertThat(badName.exit()).isEqualTo(2);
    assertThat(badName.err()).contains("'Acme Corp' is not a valid name").endsWith("(see keylocker tenant create --help)\n");
    InProcessCli.Result badTtl = cli.run("server", "add", "--tenant", "acme", "db1", "--token-ttl", "tomorrow");
    assertThat(badTtl.exit()).isEqualTo(2);
    assertThat(badTtl.err()).contains("'tomorrow' is not a duration");
    assertThat(cli.run("tenant", "list", "--format", "yaml").exit()).isEqualTo(2);
  }

  @Test
  void groupWithoutSubcommand_isAUsageError_listingTheChoices() {
    InProcessCli.Result result = new InProcessCli(dir).run("server");
    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).isEqualTo("keylocker: missing command: choose one of add, list, enrollment-token, revoke\n(see keylocker server --help)\n");
    assertThat(new InProcessCli(dir).run().err()).contains("choose one of locker, agent, tenant, server, key");
  }

  @Test
  void helpAndVersion_succeedOnStdout() {
    InProcessCli cli = new InProcessCli(dir);
    InProcessCli.Result help = cli.run("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: keylocker").contains("tenant").contains("Exit codes:");
    InProcessCli.Result version = cli.run("--version");
    assertThat(version.exit()).isZero();
    assertThat(version.out()).startsWith("keylocker ");
    assertThat(cli.run("server", "add", "--help").out()).contains("--token-ttl=DURATION").contains("--cacert=FILE");
  }

  @Test
  void everyCommand_hasHelp_evenOnesFromOtherModules() {
    InProcessCli cli = new InProcessCli(dir);
    assertThat(cli.run("locker", "--help").out()).contains("Usage: keylocker locker");
    assertThat(cli.run("agent", "--help").out()).contains("Usage: keylocker agent");
    InProcessCli.Result own = cli.extend(root -> root.addSubcommand(new OwnHelp())).run("own-help", "--help");
    assertThat(own.exit()).as("%s", own).isZero();
    assertThat(own.out()).contains("Declares its own help options.");
  }

  @Test
  void unexpectedException_isAnInternalError_namingOnlyTheClass() {
    InProcessCli.Result result = cliFailingWith(new IllegalStateException("detail that must not leak")).run("boom");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("keylocker: internal error: java.lang.IllegalStateException\n");
  }

  @Test
  void unexpectedException_withDebug_printsTheStackTrace() {
    InProcessCli.Result result =
        cliFailingWith(new IllegalStateException("the detail")).env("KEYLOCKER_DEBUG", "1").run("boom");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("keylocker: internal error: java.lang.IllegalStateException\n")
        .contains("the detail")
        .contains("at io.keylocker.cli.CliTest.unexpectedException_withDebug_printsTheStackTrace");
  }

  @Test
  void expectedFailure_exitsWithItsCode_andItsMessageOnOneLine() {
    InProcessCli.Result result =
        cliFailingWith(new CliException(ExitStatus.NOT_FOUND, "no such tenant\nsecond line")).run("boom");
    assertThat(result.exit()).isEqualTo(5);
    assertThat(result.err()).isEqualTo("keylocker: no such tenant?second line\n");
  }

  @Test
  void lockerFailures_mapToTheDocumentedCodes() {
    assertThat(cliFailingWith(new io.keylocker.locker.error.LockerException.Conflict("exists")).run("boom"))
        .satisfies(r -> assertThat(r.exit()).isEqualTo(1))
        .satisfies(r -> assertThat(r.err()).isEqualTo("keylocker: exists\n"));
    assertThat(cliFailingWith(new io.keylocker.locker.error.LockerException.NotFound("none")).run("boom").exit()).isEqualTo(5);
  }

  @Test
  void everyFailureStatus_hasTheCodeOfTheContract() {
    assertThat(ExitStatus.values())
        .extracting(ExitStatus::code)
        .containsExactly(0, 1, 2, 3, 4, 5);
  }
}
