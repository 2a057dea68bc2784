package io.keylocker.cli.admin;

import static io.keylocker.cli.admin.KeyCommandsTest.KEYRING;
import static io.keylocker.cli.admin.KeyCommandsTest.KEYRING_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** destroy, cancel-destroy, compromise and policy against a fake locker; the locker's refusals. */
class KeyVersionCommandsTest {
  private static final String VERSION_PATH = KEYRING_PATH + "/keys/1/versions/2";
  private static final String[] DESTROY = {"key", "destroy", "--tenant", "acme", "--server", "db1", "--key", "1", "--version", "2"};

  @AutoClose private final LockerCli cli = new LockerCli();

  private static String[] with(String[] command, String... more) {
    return Stream.concat(Stream.of(command), Stream.of(more)).toArray(String[]::new);
  }

  @Test
  void destroy_withoutGrace_leavesItToThePolicy_andSaysWhenAndHowToCancel() {
    cli.locker.answer("POST " + VERSION_PATH + "/destroy", 202, "{\"destroy_scheduled_for\":\"2026-12-10T16:26:00Z\"}");
    LockerCli.Result result = cli.run(DESTROY);
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(cli.requests()).containsExactly("POST " + VERSION_PATH + "/destroy {}");
    assertThat(cli.locker.requests().getFirst().authorization()).isEqualTo("Bearer " + LockerCli.TOKEN);
    assertThat(result.out())
        .isEqualTo(
            """
            version 2 of key 1 of acme/db1 will be destroyed at 2026-12-10T16:26:00Z (later if the database still uses it then).
            to keep it, before then run:
              keylocker key cancel-destroy --tenant acme --server db1 --key 1 --version 2
            """);
  }

  @Test
  void destroy_withGrace_sendsSeconds_andZeroIsAllowed() {
    String answer = "{\"destroy_scheduled_for\":\"2026-12-03T16:26:00Z\"}";
    cli.locker.answer("POST " + VERSION_PATH + "/destroy", 202, answer);
    assertThat(cli.run(with(DESTROY, "--grace", "0s", "--format", "json")).out()).isEqualTo(answer + "\n");
    assertThat(cli.run(with(DESTROY, "--grace", "12h")).exit()).isZero();
    assertThat(cli.requests())
        .containsExactly("POST " + VERSION_PATH + "/destroy {\"grace_seconds\":0}", "POST " + VERSION_PATH + "/destroy {\"grace_seconds\":43200}");
  }

  @Test
  void destroy_ofAVersionInUse_exits1_withTheLockersMessage() {
    cli.locker.error("POST " + VERSION_PATH + "/destroy", 409, "CONFLICT", "version 2 of key 1 is still in use by 3 tablespaces");
    LockerCli.Result result = cli.run(DESTROY);
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("keylocker: version 2 of key 1 is still in use by 3 tablespaces\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void cancelDestroy_sendsDelete_andTheLockers204IsSuccess() {
    cli.locker.answer("DELETE " + VERSION_PATH + "/destroy", 204, "");
    String[] cancel = {"key", "cancel-destroy", "--tenant", "acme", "--server", "db1", "--key", "1", "--version", "2"};
    LockerCli.Result text = cli.run(cancel);
    assertThat(text.exit()).as("%s", text).isZero();
    assertThat(text.out()).isEqualTo("the destruction of version 2 of key 1 of acme/db1 is cancelled; the version is kept.\n");
    LockerCli.Result json = cli.run(with(cancel, "--format", "json"));
    assertThat(json.exit()).isZero();
    assertThat(json.out()).as("204 has no JSON to print").isEmpty();
    assertThat(cli.requests()).containsExactly("DELETE " + VERSION_PATH + "/destroy ", "DELETE " + VERSION_PATH + "/destroy ");
  }

  @Test
  void compromise_postsTheReason_andPointsAtReEncryption() {
    cli.locker.answer("POST " + VERSION_PATH + "/compromise", 200, "{}");
    LockerCli.Result result =
        cli.run("key", "compromise", "--tenant", "acme", "--server", "db1", "--key", "1", "--version", "2", "--reason", "backup tape lost \"B7\"");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(cli.requests()).containsExactly("POST " + VERSION_PATH + "/compromise {\"reason\":\"backup tape lost \\\"B7\\\"\"}");
    assertThat(result.out())
        .isEqualTo(
            """
            version 2 of key 1 of acme/db1 is marked compromised: it is never served as the latest version again.
            if it was the active version, a rotation is queued.
            re-encrypt the data that still uses it, then destroy it; follow with:
              keylocker key show --tenant acme --server db1 --key 1
            """);
  }

  @Test
  void compromise_answerNamingTheQueuedRotation_isShown() {
    cli.locker.answer("POST " + VERSION_PATH + "/compromise", 200, "{\"commands\":[{\"id\":\"c1\",\"key_id\":1}]}");
    LockerCli.Result result =
        cli.run("key", "compromise", "--tenant", "acme", "--server", "db1", "--key", "1", "--version", "2", "--reason", "leak");
    assertThat(result.out()).contains("rotation of key 1 of acme/db1 queued (command c1)\n").doesNotContain("if it was");
  }

  @Test
  void policy_withoutOptions_onlyReadsIt() {
    cli.locker.answer("GET " + KEYRING_PATH, 200, KEYRING);
    LockerCli.Result result = cli.run("key", "policy", "--tenant", "acme", "--server", "db1");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out()).isEqualTo("policy of acme/db1: cryptoperiod 90 days, destroy grace 7 days\n");
    assertThat(cli.requests()).containsExactly("GET " + KEYRING_PATH + " ");
    assertThat(cli.run("key", "policy", "--tenant", "acme", "--server", "db1", "--format", "json").out()).isEqualTo(KEYRING);
  }

  @Test
  void policy_withBothOptions_putsThemInDays() {
    String answer = "{\"cryptoperiod_days\":30,\"destroy_grace_days\":0}";
    cli.locker.answer("PUT " + KEYRING_PATH + "/policy", 200, answer);
    LockerCli.Result result =
        cli.run("key", "policy", "--tenant", "acme", "--server", "db1", "--cryptoperiod", "720h", "--destroy-grace", "0d");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out()).isEqualTo("policy of acme/db1 is now: cryptoperiod 30 days, destroy grace 0 days\n");
    assertThat(cli.requests()).containsExactly("PUT " + KEYRING_PATH + "/policy " + answer);
    assertThat(cli.locker.requests().getFirst().contentType()).isEqualTo("application/json");
  }

  @Test
  void policy_withOneOption_keepsTheOtherAsTheLockerHasIt() {
    cli.locker.answer("GET " + KEYRING_PATH, 200, KEYRING);
    cli.locker.answer("PUT " + KEYRING_PATH + "/policy", 200, "{}");
    LockerCli.Result result = cli.run("key", "policy", "--tenant", "acme", "--server", "db1", "--destroy-grace", "1d");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(cli.requests())
        .containsExactly("GET " + KEYRING_PATH + " ", "PUT " + KEYRING_PATH + "/policy {\"cryptoperiod_days\":90,\"destroy_grace_days\":1}");
    assertThat(result.out()).isEqualTo("policy of acme/db1 is now: cryptoperiod 90 days, destroy grace 1 day\n");
  }

  @Test
  void policy_withOneOption_whenTheLockerReportsNoPolicy_failsBeforeWriting() {
    cli.locker.answer("GET " + KEYRING_PATH, 200, "{\"keys\":[]}");
    LockerCli.Result result = cli.run("key", "policy", "--tenant", "acme", "--server", "db1", "--cryptoperiod", "30d");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("give both --cryptoperiod and --destroy-grace");
    assertThat(cli.requests()).containsExactly("GET " + KEYRING_PATH + " ");
  }

  static Stream<Arguments> everyLifecycleCommand() {
    String[] keyring = {"--tenant", "acme", "--server", "db1"};
    String[] version = with(keyring, "--key", "1", "--version", "2");
    return Stream.of(
        Arguments.of("GET " + KEYRING_PATH, with(new String[] {"key", "show"}, keyring)),
        Arguments.of("POST " + KEYRING_PATH + "/rotate", with(new String[] {"key", "rotate"}, keyring)),
        Arguments.of("POST " + VERSION_PATH + "/destroy", with(new String[] {"key", "destroy"}, version)),
        Arguments.of("DELETE " + VERSION_PATH + "/destroy", with(new String[] {"key", "cancel-destroy"}, version)),
        Arguments.of("POST " + VERSION_PATH + "/compromise", with(with(new String[] {"key", "compromise"}, version), "--reason", "r")),
        Arguments.of("PUT " + KEYRING_PATH + "/policy", with(with(new String[] {"key", "policy"}, keyring), "--cryptoperiod", "9d", "--destroy-grace", "1d")));
  }

  @ParameterizedTest
  @MethodSource("everyLifecycleCommand")
  void lockerErrors_mapToTheDocumentedExitCodes(String route, String[] args) {
    int[][] statusToExit = {{404, 5}, {401, 4}, {403, 4}, {409, 1}, {400, 1}};
    for (int[] pair : statusToExit) {
      cli.locker.error(route, pair[0], "ANY", "the locker says " + pair[0]);
      LockerCli.Result result = cli.run(args);
      assertThat(result.exit()).as("%s -> %s", pair[0], result).isEqualTo(pair[1]);
      assertThat(result.err()).startsWith("keylocker: the locker says " + pair[0]);
      assertThat(result.out() + result.err()).doesNotContain(LockerCli.TOKEN);
    }
    cli.locker.close();
    LockerCli.Result unreachable = cli.run(args);
    assertThat(unreachable.exit()).isEqualTo(3);
    assertThat(unreachable.err()).startsWith("keylocker: cannot reach the locker at ");
  }
}
