package io.keylocker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.keylocker.cli.admin.FakeLocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server revoke} and how {@code server list} shows a revoked server, against a fake locker. */
class ServerRevokeCommandTest {
  private static final String REVOKE = "POST /v1/admin/tenants/acme/servers/db1/revoke";
  private static final String REVOKED =
      "{\"server\":\"db1\",\"state\":\"revoked\",\"revoked_at\":\"2026-12-03T17:00:00Z\"}";

  @TempDir Path dir;
  private FakeLocker locker;
  private InProcessCli cli;

  @BeforeEach
  void start() throws IOException {
    locker = new FakeLocker();
    locker.writeCa(dir.resolve("keylocker-data/ca.pem"));
    Files.writeString(dir.resolve("keylocker-data/admin-token"), "admin-token\n");
    cli = new InProcessCli(dir).env("KEYLOCKER_ADDR", locker.address().toString());
  }

  @AfterEach
  void stop() {
    locker.close();
  }

  @Test
  void revoke_text_sendsTheReason_andSaysWhatHappensAndItsLimit() {
    locker.answer(REVOKE, 200, REVOKED);

    InProcessCli.Result result = cli.run("server", "revoke", "--tenant", "acme", "db1", "--reason", "host stolen");

    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(locker.requests().getFirst().body()).isEqualTo("{\"reason\":\"host stolen\"}");
    assertThat(result.out())
        .startsWith("server db1 of tenant acme is revoked (at 2026-12-03T17:00:00Z)")
        .contains("keeps the keys it already loaded until it stops; it cannot restart");
  }

  @Test
  void revoke_json_printsTheLockersAnswerAsIs() {
    locker.answer(REVOKE, 200, REVOKED);

    InProcessCli.Result result =
        cli.run("server", "revoke", "--tenant", "acme", "db1", "--reason", "host stolen", "--format", "json");

    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out()).isEqualTo(REVOKED + "\n");
  }

  @Test
  void revoke_withoutOrWithABadReason_isAUsageError_andSendsNothing() {
    InProcessCli.Result missing = cli.run("server", "revoke", "--tenant", "acme", "db1");
    InProcessCli.Result blank = cli.run("server", "revoke", "--tenant", "acme", "db1", "--reason", "  ");
    InProcessCli.Result tooLong =
        cli.run("server", "revoke", "--tenant", "acme", "db1", "--reason", "x".repeat(501));
    InProcessCli.Result badName = cli.run("server", "revoke", "--tenant", "acme", "DB1", "--reason", "x");

    assertThat(missing.exit()).isEqualTo(2);
    assertThat(blank.exit()).isEqualTo(2);
    assertThat(blank.err()).contains("the reason must be 1 to 500 characters");
    assertThat(tooLong.exit()).isEqualTo(2);
    assertThat(badName.exit()).isEqualTo(2);
    assertThat(locker.requests()).isEmpty();
  }

  @Test
  void revoke_twice_exits1_andAnUnknownServer_exits5() {
    locker.error(REVOKE, 409, "CONFLICT", "server 'acme/db1' is already revoked");
    locker.error("POST /v1/admin/tenants/acme/servers/nope/revoke", 404, "NOT_FOUND", "server 'acme/nope' not found");

    InProcessCli.Result again = cli.run("server", "revoke", "--tenant", "acme", "db1", "--reason", "x");
    InProcessCli.Result unknown = cli.run("server", "revoke", "--tenant", "acme", "nope", "--reason", "x");

    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("keylocker: server 'acme/db1' is already revoked\n");
    assertThat(unknown.exit()).isEqualTo(5);
  }

  @Test
  void list_showsARevokedServer_withItsRevocationTime() {
    locker.answer(
        "GET /v1/admin/tenants/acme/servers",
        200,
        "{\"servers\":[{\"name\":\"db1\",\"state\":\"revoked\",\"created_at\":\"2026-12-03T16:18:00Z\","
            + "\"enrolled_at\":\"2026-12-03T16:20:00Z\",\"certificate_fingerprint\":\"ab\","
            + "\"certificate_expires_at\":\"2027-03-03T16:20:00Z\",\"last_seen_at\":\"2026-12-03T16:30:00Z\","
            + "\"agent_state\":\"locked\",\"revoked_at\":\"2026-12-03T17:00:00Z\","
            + "\"keyring\":{\"initialized\":true,\"keys\":1,\"versions\":1}}]}");

    InProcessCli.Result result = cli.run("server", "list", "--tenant", "acme");

    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out()).contains("db1     revoked 2026-12-03T17:00:00Z  locked");
  }
}
