package io.keylocker.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import io.keylocker.testing.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input against the real processes: every mistake gets a clear error (exit code and one line,
 * or HTTP status and Vault error body) and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputEndToEndIT {
  @TempDir static Path root;
  private Deployment deployment;
  private String usedToken;
  private HttpClient vault;

  @BeforeAll
  void deploy() {
    deployment = new Deployment(root);
    deployment.startLocker();
    deployment.cli.ok("tenant", "create", "acme");
    usedToken = deployment.enrollmentToken("acme", "db1");
    deployment.cli.ok("agent", "enroll", "--state-dir", deployment.agentState.toString(), "--token", usedToken);
    deployment.cli.ok("agent", "init", "--state-dir", deployment.agentState.toString(), "--passphrase-file", deployment.passphraseFile.toString());
    deployment.startAgent();
    var ca = Pem.certificate(Cli.read(deployment.agentState.resolve("vault-ca.pem")));
    vault = HttpClient.newBuilder().sslContext(TlsContexts.client(ca, Optional.empty())).connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  void tearDown() {
    if (deployment != null) {
      deployment.close();
    }
  }

  @Test
  void lockerDown_adminCommand_exits3WithOneLine() {
    Cli.Result result =
        new Cli()
            .env("KEYLOCKER_ADDR", "https://127.0.0.1:" + FreePorts.next())
            .env("KEYLOCKER_CACERT", deployment.lockerData.resolve("ca.pem").toString())
            .env("KEYLOCKER_TOKEN", "kla_whatever")
            .run("tenant", "list");
    assertThat(result.exit()).as("%s", result).isEqualTo(3);
    assertThat(result.err()).startsWith("keylocker: cannot reach the locker at").doesNotContain("Exception");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void wrongOrMissingAdminToken_exits4_andCreatesNothing() {
    Cli.Result wrong = deployment.cli.run("tenant", "create", "intruder", "--token", "kla_not-the-token");
    assertThat(wrong.exit()).as("%s", wrong).isEqualTo(4);
    assertThat(wrong.err()).doesNotContain("kla_not-the-token");
    assertThat(deployment.cli.ok("tenant", "list")).doesNotContain("intruder");
  }

  @Test
  void reusedEnrollmentToken_isRefused_andLeavesNoState() {
    Path other = root.resolve("second-agent");
    Cli.Result result = deployment.cli.run("agent", "enroll", "--state-dir", other.toString(), "--token", usedToken);
    assertThat(result.exit()).as("%s", result).isEqualTo(1);
    assertThat(result.err()).contains("already used");
    assertThat(other.resolve("agent.json")).doesNotExist();
    assertThat(other.resolve("agent-key.pem")).doesNotExist();
  }

  @Test
  void garbageEnrollmentToken_isRefusedBeforeAnyConnection() {
    Path other = root.resolve("third-agent");
    Cli.Result result = deployment.cli.run("agent", "enroll", "--state-dir", other.toString(), "--token", "kle1.%%%not-base64");
    assertThat(result.exit()).as("%s", result).isEqualTo(2);
    assertThat(result.err()).startsWith("keylocker: ").contains("token");
    assertThat(other.resolve("agent.json")).doesNotExist();
  }

  @Test
  void wrongPassphrase_exits4_andChangesNothing() throws Exception {
    Path wrong = root.resolve("wrong-passphrase");
    Files.writeString(wrong, "this is not the passphrase\n");
    deployment.lock();
    Cli.Result locked = deployment.cli.run("agent", "unlock", "--state-dir", deployment.agentState.toString(), "--passphrase-file", wrong.toString());
    assertThat(locked.exit()).as("%s", locked).isEqualTo(4);
    assertThat(locked.err()).contains("passphrase").doesNotContain("this is not the passphrase");
    assertThat(get("/v1/mariadb/data/1", token()).statusCode()).isEqualTo(503);

    deployment.unlock();
    String before = get("/v1/mariadb/data/1", token()).body();
    Cli.Result again = deployment.cli.run("agent", "unlock", "--state-dir", deployment.agentState.toString(), "--passphrase-file", wrong.toString());
    assertThat(again.exit()).as("%s", again).isEqualTo(4);
    HttpResponse<String> after = get("/v1/mariadb/data/1", token());
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(keyHex(after.body())).isEqualTo(keyHex(before));
  }

  @Test
  void secondInit_isRefused_andTheKeyringIsUnchanged() {
    Cli.Result result =
        deployment.cli.run("agent", "init", "--state-dir", deployment.agentState.toString(), "--passphrase-file", deployment.passphraseFile.toString());
    assertThat(result.exit()).as("%s", result).isEqualTo(1);
    assertThat(result.err()).startsWith("keylocker: ");
    assertThat(deployment.cli.ok("key", "list", "--tenant", "acme", "--server", "db1", "--format", "json")).contains("\"key_id\":1");
  }

  @Test
  void keyCreate_withBadIds_exits2() {
    for (String id : new String[] {"abc", "0", "-1", "4294967296", "99999999999999999999999"}) {
      Cli.Result result = deployment.cli.run("agent", "key", "create", "--state-dir", deployment.agentState.toString(), "--id", id);
      assertThat(result.exit()).as("id %s: %s", id, result).isEqualTo(2);
      assertThat(result.err()).startsWith("keylocker: ");
    }
  }

  @Test
  void agentCommand_withoutRunningDaemon_exits3() {
    Cli.Result result = deployment.cli.run("agent", "status", "--state-dir", root.resolve("nowhere").toString());
    assertThat(result.exit()).as("%s", result).isIn(3, 5);
    assertThat(result.err()).startsWith("keylocker: ");
  }

  @Test
  void vaultEdge_badRequests_getVaultStyleErrors() throws Exception {
    HttpResponse<String> noToken = get("/v1/mariadb/data/1", null);
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(noToken.body().trim()).isEqualTo("{\"errors\":[\"permission denied\"]}");
    assertThat(noToken.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(get("/v1/mariadb/data/1", "hvs.wrong").statusCode()).isEqualTo(403);

    deployment.unlock();
    assertThat(get("/v1/mariadb/data/777", token()).body().trim()).isEqualTo("{\"errors\":[]}");
    assertThat(get("/v1/mariadb/data/777", token()).statusCode()).isEqualTo(404);
    HttpResponse<String> nonNumeric = get("/v1/mariadb/data/abc", token());
    assertThat(nonNumeric.statusCode()).isEqualTo(400);
    assertThat(nonNumeric.body()).contains("errors");
    assertThat(get("/v1/mariadb/data/4294967296", token()).statusCode()).isEqualTo(400);
    assertThat(get("/v1/mariadb/data/1?version=x", token()).statusCode()).isEqualTo(400);
    assertThat(get("/v1/mariadb/data/" + "9".repeat(5000), token()).statusCode()).isBetween(400, 431);
  }

  private String token() {
    return deployment.vaultToken();
  }

  private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(deployment.vaultAddress() + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("X-Vault-Token", token);
    }
    return vault.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String keyHex(String body) {
    var matcher = java.util.regex.Pattern.compile("\"data\":\\{\"data\":\"([0-9a-f]{64})\"").matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return matcher.group(1);
  }
}
