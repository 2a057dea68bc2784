package io.keylocker.cli.admin;

import static io.keylocker.cli.admin.KeyCommandsTest.KEYRING_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** destroy-keyring and cancel-destroy-keyring against a fake locker. */
class KeyringDestroyCommandsTest {
  private static final String DESTROY_PATH = KEYRING_PATH + "/destroy";

  @AutoClose private final LockerCli cli = new LockerCli();

  @Test
  void destroyKeyring_withConfirm_postsTheGrace_andSaysHowToCancel() {
    cli.locker.answer("POST " + DESTROY_PATH, 202, "{\"destroy_scheduled_for\":\"2026-12-10T16:26:00Z\"}");
    LockerCli.Result result =
        cli.run("key", "destroy-keyring", "--tenant", "acme", "--server", "db1", "--grace", "7d", "--confirm", "db1");
    LockerCli.Result noGrace = cli.run("key", "destroy-keyring", "--tenant", "acme", "--server", "db1", "--confirm", "db1");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(noGrace.exit()).as("%s", noGrace).isZero();
    assertThat(cli.requests())
        .containsExactly("POST " + DESTROY_PATH + " {\"grace_seconds\":604800}", "POST " + DESTROY_PATH + " {}");
    assertThat(result.out())
        .isEqualTo(
            """
            every key version of acme/db1 will be destroyed at 2026-12-10T16:26:00Z, the active ones included; the database's data becomes unreadable.
            to keep the keyring, before then run:
              keylocker key cancel-destroy-keyring --tenant acme --server db1
            """);
  }

  @Test
  void destroyKeyring_withAWrongOrMissingConfirm_exits2_andSendsNothing() {
    LockerCli.Result wrong = cli.run("key", "destroy-keyring", "--tenant", "acme", "--server", "db1", "--confirm", "db2");
    LockerCli.Result missing = cli.run("key", "destroy-keyring", "--tenant", "acme", "--server", "db1");
    assertThat(wrong.exit()).isEqualTo(2);
    assertThat(wrong.err()).isEqualTo("keylocker: --confirm must repeat the server name 'db1' to destroy its whole keyring\n");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--confirm");
    assertThat(cli.locker.requests()).isEmpty();
  }

  @Test
  void destroyKeyring_ofAServerNotRevoked_exits1_withTheLockersMessage() {
    String message = "revoke the server first: a keyring is destroyed only for a decommissioned server";
    cli.locker.error("POST " + DESTROY_PATH, 409, "CONFLICT", message);
    LockerCli.Result result = cli.run("key", "destroy-keyring", "--tenant", "acme", "--server", "db1", "--confirm", "db1");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("keylocker: " + message + "\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void cancelDestroyKeyring_sendsDelete_andNotScheduledExits1() {
    cli.locker.answer("DELETE " + DESTROY_PATH, 204, "");
    LockerCli.Result cancelled = cli.run("key", "cancel-destroy-keyring", "--tenant", "acme", "--server", "db1");
    assertThat(cancelled.exit()).as("%s", cancelled).isZero();
    assertThat(cancelled.out()).isEqualTo("the destruction of the keyring of acme/db1 is cancelled; its key versions are kept.\n");
    assertThat(cli.requests()).containsExactly("DELETE " + DESTROY_PATH + " ");
    cli.locker.error("DELETE " + DESTROY_PATH, 409, "CONFLICT", "the keyring of 'acme/db1' has no scheduled destroy");
    assertThat(cli.run("key", "cancel-destroy-keyring", "--tenant", "acme", "--server", "db1").exit()).isEqualTo(1);
  }
}
