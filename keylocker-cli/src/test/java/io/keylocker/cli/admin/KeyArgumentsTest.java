package io.keylocker.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** The key commands' arguments are checked before any request: a bad one exits 2 and sends nothing. */
class KeyArgumentsTest {
  @AutoClose private final LockerCli cli = new LockerCli();

  /** Runs {@code key <command> --tenant acme --server db1 <options>} with the options split on spaces. */
  private LockerCli.Result key(String command, String options) {
    String line = "key " + command + " --tenant acme --server db1 " + options;
    return cli.run(line.strip().split(" +"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "show           | --key 0                                 | '0' is not a key id: use a whole number from 1 to 4294967295",
        "rotate         | --key 4294967296                        | is not a key id",
        "rotate         | --key -1                                | is not a key id",
        "destroy        | --key 1x --version 1                    | '1x' is not a key id",
        "destroy        | --key 1 --version 0                     | '0' is not a key version: use a whole number from 1 to 2147483647",
        "destroy        | --key 1 --version 2147483648            | is not a key version",
        "cancel-destroy | --key 1 --version 99999999999           | is not a key version",
        "destroy        | --key 1 --version 1 --grace 366d        | '366d' is out of range: use 0s to 365d",
        "destroy        | --key 1 --version 1 --grace -1s         | '-1s' is not a duration",
        "destroy        | --key 1 --version 1 --grace 1w          | '1w' is not a duration: use a number with s, m, h or d, for example 7d",
        "destroy        | --key 1                                 | Missing required option: '--version=VERSION'",
        "compromise     | --key 1 --version 1                     | Missing required option: '--reason=TEXT'",
        "policy         | --cryptoperiod 0d                       | '0d' is out of range: use 1d to 3650d",
        "policy         | --cryptoperiod 3651d                    | is out of range",
        "policy         | --cryptoperiod 36h                      | '36h' is not a whole number of days, for example 90d",
        "policy         | --destroy-grace 366d                    | '366d' is out of range: use 0s to 365d",
        "policy         | --destroy-grace 90m                     | is not a whole number of days",
      })
  void badArguments_exit2_beforeAnyRequest(String command, String options, String message) {
    LockerCli.Result result = key(command, options);
    assertThat(result.exit()).as("%s", result).isEqualTo(2);
    assertThat(result.err()).contains(message).endsWith("(see keylocker key " + command + " --help)\n");
    assertThat(cli.locker.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "two\nlines", "esc\u001b[2J", "bidi\u202Eoverride"})
  void compromiseReason_mustBePrintableText(String reason) {
    LockerCli.Result result = cli.run("key", "compromise", "--tenant", "acme", "--server", "db1", "--key", "1", "--version", "1", "--reason", reason);
    assertThat(result.exit()).as("%s", result).isEqualTo(2);
    assertThat(result.err()).contains("the reason must be");
    assertThat(cli.locker.requests()).isEmpty();
  }

  @Test
  void compromiseReason_isAtMost500Characters_countingCodePoints() {
    ReasonText reason = new ReasonText();
    assertThat(reason.convert("é".repeat(500))).hasSize(500);
    assertThat(reason.convert("😀".repeat(500))).hasSize(1000);
    assertThatThrownBy(() -> reason.convert("x".repeat(501)))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("the reason must be 1 to 500 characters, not only spaces");
  }

  @Test
  void boundaryValues_areAccepted_andReachTheLocker() {
    cli.locker.answer("POST /v1/admin/tenants/acme/servers/db1/keyring/keys/4294967295/versions/2147483647/destroy", 202, "{}");
    assertThat(key("destroy", "--key 4294967295 --version 2147483647 --grace 365d").exit()).isZero();
    cli.locker.answer("PUT /v1/admin/tenants/acme/servers/db1/keyring/policy", 200, "{}");
    assertThat(key("policy", "--cryptoperiod 3650d --destroy-grace 365d").exit()).isZero();
    assertThat(key("policy", "--cryptoperiod 1d --destroy-grace 0s").exit()).isZero();
    assertThat(cli.requests())
        .containsExactly(
            "POST /v1/admin/tenants/acme/servers/db1/keyring/keys/4294967295/versions/2147483647/destroy {\"grace_seconds\":31536000}",
            "PUT /v1/admin/tenants/acme/servers/db1/keyring/policy {\"cryptoperiod_days\":3650,\"destroy_grace_days\":365}",
            "PUT /v1/admin/tenants/acme/servers/db1/keyring/policy {\"cryptoperiod_days\":1,\"destroy_grace_days\":0}");
  }

  @ParameterizedTest
  @CsvSource({"0s, 0", "59s, 59", "90m, 5400", "7d, 604800", "365d, 31536000"})
  void destroyGrace_acceptsAnyUnit_fromZeroTo365Days(String text, long seconds) {
    assertThat(new DurationOption.DestroyGrace().convert(text)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void versionCommands_keepTheirHelp_thoughVersionNamesTheKeyVersion() {
    for (String command : new String[] {"destroy", "cancel-destroy", "compromise"}) {
      LockerCli.Result help = cli.run("key", command, "--help");
      assertThat(help.exit()).as("%s", help).isZero();
      assertThat(help.out()).contains("--version=VERSION").contains("--key=KEY").contains("-h, --help");
    }
    assertThat(cli.run("key", "--help").out())
        .contains("show", "rotate", "destroy", "cancel-destroy", "compromise", "policy", "list");
  }
}
