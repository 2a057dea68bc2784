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

/** The admin commands through the whole command line, against a fake locker over real TLS. */
class AdminCommandsTest {
  private static final String TOKEN = "admin-token-that-must-never-be-printed";
  private static final String ENROLLMENT = "kle1.eyJ2IjoxfQ";
  private static final String SERVER_ADDED =
      "{\"tenant\":\"acme\",\"server\":\"db1\",\"enrollment_token\":\"" + ENROLLMENT + "\",\"expires_at\":\"2026-12-04T16:18:00Z\"}";

  @TempDir Path dir;
  private FakeLocker locker;
  private InProcessCli cli;

  @BeforeEach
  void start() throws IOException {
    locker = new FakeLocker();
    locker.writeCa(dir.resolve("keylocker-data/ca.pem"));
    Files.writeString(dir.resolve("keylocker-data/admin-token"), TOKEN + "\n");
    cli = new InProcessCli(dir).env("KEYLOCKER_ADDR", locker.address().toString());
  }

  @AfterEach
  void stop() {
    locker.close();
  }

  @Test
  void tenantCreate_json_printsTheLockersAnswerAsIs() {
    String answer = "{\"name\":\"acme\",\"created_at\":\"2026-12-03T16:18:00Z\"}";
    locker.answer("POST /v1/admin/tenants", 201, answer);
    InProcessCli.Result result = cli.run("tenant", "create", "acme", "--format", "json");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out()).isEqualTo(answer + "\n");
    assertThat(result.err()).isEmpty();
    assertThat(locker.requests().getFirst().authorization()).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void tenantList_text_isATable() {
    locker.answer(
        "GET /v1/admin/tenants",
        200,
        "{\"tenants\":[{\"name\":\"acme\",\"created_at\":\"2026-12-03T16:18:00Z\",\"servers\":2},"
            + "{\"name\":\"globex-eu\",\"created_at\":\"2026-12-03T17:00:00Z\",\"servers\":0}]}");
    InProcessCli.Result result = cli.run("tenant", "list");
    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .isEqualTo(
            """
            TENANT     SERVERS  CREATED
            acme       2        2026-12-03T16:18:00Z
            globex-eu  0        2026-12-03T17:00:00Z
            """);
  }

  @Test
  void serverAdd_text_putsTheTokenOnItsOwnLine_withTheCommandToRunOnTheDatabaseHost() {
    locker.answer("POST /v1/admin/tenants/acme/servers", 201, SERVER_ADDED);
    InProcessCli.Result result = cli.run("server", "add", "--tenant", "acme", "db1", "--token-ttl", "30m");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out().lines()).contains(ENROLLMENT);
    assertThat(result.out())
        .contains("expires 2026-12-04T16:18:00Z")
        .contains("./keylocker agent enroll --state-dir /var/lib/keylocker-agent --token " + ENROLLMENT);
    assertThat(locker.requests().getFirst().body()).isEqualTo("{\"name\":\"db1\",\"token_ttl_seconds\":1800}");
  }

  @Test
  void serverAdd_json_containsTheEnrollmentToken() {
    locker.answer("POST /v1/admin/tenants/acme/servers", 201, SERVER_ADDED);
    InProcessCli.Result result = cli.run("server", "add", "--tenant", "acme", "db1", "--format", "json");
    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo(SERVER_ADDED + "\n").contains("\"enrollment_token\"");
  }

  @Test
  void enrollmentToken_reissue_printsTheNewToken() {
    locker.answer("POST /v1/admin/tenants/acme/servers/db1/enrollment-token", 201, SERVER_ADDED);
    InProcessCli.Result result = cli.run("server", "enrollment-token", "--tenant", "acme", "db1");
    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("earlier ones no longer work");
    assertThat(result.out().lines()).contains(ENROLLMENT);
  }

  @Test
  void serverList_text_showsStateAgentAndKeyring() {
    locker.answer(
        "GET /v1/admin/tenants/acme/servers",
        200,
        "{\"servers\":[{\"name\":\"db1\",\"state\":\"enrolled\",\"created_at\":\"2026-12-03T16:18:00Z\","
            + "\"enrolled_at\":\"2026-12-03T16:20:00Z\",\"certificate_fingerprint\":\"ab\","
            + "\"certificate_expires_at\":\"2027-03-03T16:20:00Z\",\"last_seen_at\":\"2026-12-03T16:30:00Z\","
            + "\"agent_state\":\"unlocked\",\"keyring\":{\"initialized\":true,\"keys\":2,\"versions\":3}},"
            + "{\"name\":\"db2\",\"state\":\"pending\",\"created_at\":\"2026-12-03T16:18:00Z\",\"enrolled_at\":null,"
            + "\"certificate_fingerprint\":null,\"certificate_expires_at\":null,\"last_seen_at\":null,"
            + "\"agent_state\":null,\"keyring\":{\"initialized\":false,\"keys\":0,\"versions\":0}}]}");
    InProcessCli.Result result = cli.run("server", "list", "--tenant", "acme");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out().lines().toList())
        .containsExactly(
            "SERVER  STATE     AGENT     KEYRING             LAST SEEN             CERTIFICATE EXPIRES",
            "db1     enrolled  unlocked  2 keys, 3 versions  2026-12-03T16:30:00Z  2027-03-03T16:20:00Z",
            "db2     pending   -         not initialized     -                     -");
  }

  @Test
  void keyList_text_showsMetadataOnly() {
    locker.answer(
        "GET /v1/admin/tenants/acme/servers/db1/keyring",
        200,
        "{\"tenant\":\"acme\",\"server\":\"db1\",\"keyring\":\"default\",\"created_at\":\"2026-12-03T16:21:00Z\","
            + "\"kdf\":{\"algorithm\":\"argon2id\",\"memory_kib\":65536,\"iterations\":3,\"parallelism\":4},"
            + "\"keys\":[{\"key_id\":1,\"versions\":[{\"version\":1,\"state\":\"active\",\"created_at\":\"2026-12-03T16:21:00Z\"}]},"
            + "{\"key_id\":2,\"versions\":[{\"version\":1,\"state\":\"active\",\"created_at\":\"2026-12-03T16:22:00Z\"}]}]}");
    InProcessCli.Result result = cli.run("key", "list", "--tenant", "acme", "--server", "db1");
    assertThat(result.exit()).as("%s", result).isZero();
    assertThat(result.out())
        .contains("keyring default of acme/db1, created 2026-12-03T16:21:00Z")
        .contains("passphrase KDF: argon2id, 65536 KiB, 3 iterations, parallelism 4")
        .contains("KEY  VERSION  STATE   CREATED\n1    1        active  2026-12-03T16:21:00Z\n2    1        active  2026-12-03T16:22:00Z\n");
  }

  @Test
  void keyList_withoutKeyring_isNotFound() {
    locker.error("GET /v1/admin/tenants/acme/servers/db1/keyring", 404, "NOT_FOUND", "keyring not initialized");
    InProcessCli.Result result = cli.run("key", "list", "--tenant", "acme", "--server", "db1");
    assertThat(result.exit()).isEqualTo(5);
    assertThat(result.err()).isEqualTo("keylocker: keyring not initialized\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void wrongToken_exits4_andNeverPrintsTheToken() {
    locker.error("GET /v1/admin/tenants", 401, "UNAUTHENTICATED", "admin token is invalid");
    InProcessCli.Result result = cli.env("KEYLOCKER_DEBUG", "1").run("tenant", "list");
    assertThat(result.exit()).isEqualTo(4);
    assertThat(result.err()).startsWith("keylocker: admin token is invalid (check --token");
    assertThat(result.out() + result.err()).doesNotContain(TOKEN);
  }

  @Test
  void conflict_exits1_withTheLockersMessage() {
    locker.error("POST /v1/admin/tenants", 409, "CONFLICT", "tenant acme already exists");
    InProcessCli.Result result = cli.run("tenant", "create", "acme");
    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("keylocker: tenant acme already exists\n");
  }

  @Test
  void lockerDown_exits3_namingTheAddress() {
    String address = locker.address().toString();
    locker.close();
    InProcessCli.Result result = cli.run("tenant", "list");
    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.err()).startsWith("keylocker: cannot reach the locker at " + address + " (");
  }

  @Test
  void wrongCa_exits3_sayingTheCertificateWasNotTrusted() throws IOException {
    try (FakeLocker stranger = new FakeLocker()) {
      stranger.writeCa(dir.resolve("other-ca.pem"));
      InProcessCli.Result result = cli.run("tenant", "list", "--cacert", "other-ca.pem");
      assertThat(result.exit()).isEqualTo(3);
      assertThat(result.err()).contains("certificate was not trusted").contains("--cacert");
    }
  }
}
