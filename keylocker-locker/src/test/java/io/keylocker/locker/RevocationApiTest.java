package io.keylocker.locker;

import static io.keylocker.locker.AgentCommandsApiTest.agentWithKeyring;
import static io.keylocker.locker.AgentCommandsApiTest.poll;
import static io.keylocker.locker.TestLocker.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Revoking a server: its certificate is refused at once, its long polls end, re-enrollment. */
class RevocationApiTest extends LockerPerClass {
  static String serverPath(String tenant) {
    return "/v1/admin/tenants/" + tenant + "/servers/db1";
  }

  static ApiResponse revoke(String tenant) {
    return locker.admin(
        "POST", serverPath(tenant) + "/revoke", json(Map.of("reason", "host stolen")));
  }

  static void assertRevoked(ApiResponse response) {
    assertThat(response.status()).isEqualTo(403);
    assertThat(response.errorCode()).isEqualTo("REVOKED");
    assertThat(response.errorMessage()).isEqualTo("this server was revoked");
  }

  @Test
  void revoke_refusesTheNextRequest_onTheSameKeptAliveConnection() {
    TestLocker.Agent agent = agentWithKeyring(locker, "stolen");
    assertThat(agent.call("GET", "/v1/agent/keyring", null).status()).isEqualTo(200);

    ApiResponse revoked = revoke("stolen");

    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().get("server").asText()).isEqualTo("db1");
    assertThat(revoked.json().get("state").asText()).isEqualTo("revoked");
    assertThat(revoked.json().get("revoked_at").asText()).endsWith("Z");
    assertRevoked(agent.call("GET", "/v1/agent/keyring", null));
    assertRevoked(agent.call("POST", "/v1/agent/heartbeat", json(Map.of("state", "locked"))));
    assertRevoked(poll(agent, 0));
    JsonNode listed = locker.named("/v1/admin/tenants/stolen/servers", "servers", "db1");
    assertThat(listed.get("state").asText()).isEqualTo("revoked");
    assertThat(listed.get("revoked_at").asText()).isEqualTo(revoked.json().get("revoked_at").asText());
  }

  @Test
  void revoke_endsAWaitingLongPoll_with403_promptly() throws Exception {
    TestLocker.Agent agent = agentWithKeyring(locker, "waiting");
    CompletableFuture<ApiResponse> polled = CompletableFuture.supplyAsync(() -> poll(agent, 25));
    awaitWaiting(polled);
    long started = System.nanoTime();

    revoke("waiting");
    ApiResponse response = polled.get(5, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertRevoked(response);
  }

  /** The poll is parked at the locker: it has not answered within a moment. */
  private static void awaitWaiting(CompletableFuture<ApiResponse> polled) throws Exception {
    try {
      polled.get(500, TimeUnit.MILLISECONDS);
      throw new AssertionError("the poll answered instead of waiting: " + polled.get().body());
    } catch (TimeoutException expected) {
      // waiting, as it should
    }
  }

  @Test
  void revoke_twice_is409_unknownServerIs404_badReasonIs400() {
    agentWithKeyring(locker, "twice");

    assertThat(revoke("twice").status()).isEqualTo(200);
    ApiResponse again = revoke("twice");
    ApiResponse unknown =
        locker.admin(
            "POST", "/v1/admin/tenants/twice/servers/nope/revoke", json(Map.of("reason", "x")));
    ApiResponse blank = locker.admin("POST", serverPath("twice") + "/revoke", "{\"reason\":\" \"}");
    ApiResponse missing = locker.admin("POST", serverPath("twice") + "/revoke", "{}");
    ApiResponse tooLong =
        locker.admin(
            "POST", serverPath("twice") + "/revoke", json(Map.of("reason", "x".repeat(501))));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorMessage()).isEqualTo("server 'twice/db1' is already revoked");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(blank.status()).isEqualTo(400);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(tooLong.status()).isEqualTo(400);
  }

  @Test
  void revoke_withoutOrWithAWrongAdminToken_is401_andRevokesNothing() {
    TestLocker.Agent agent = agentWithKeyring(locker, "guarded");
    String body = json(Map.of("reason", "host stolen"));

    ApiResponse anonymous = locker.anonymous("POST", serverPath("guarded") + "/revoke", body);
    ApiResponse wrong =
        locker.send(
            locker.client(Optional.empty()),
            "POST",
            serverPath("guarded") + "/revoke",
            body,
            Optional.of(locker.adminToken + "x"));

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(agent.call("GET", "/v1/agent/keyring", null).status()).isEqualTo(200);
  }

  @Test
  void reEnrollment_issuesANewCertificate_keepsTheKeyring_andTheOldCertificateStaysRefused() {
    TestLocker.Agent old = agentWithKeyring(locker, "again");
    JsonNode keyringBefore = old.call("GET", "/v1/agent/keyring", null).json();
    revoke("again");

    ApiResponse token = locker.admin("POST", serverPath("again") + "/enrollment-token", "{}");
    JsonNode pending = locker.named("/v1/admin/tenants/again/servers", "servers", "db1");
    assertRevoked(old.call("GET", "/v1/agent/keyring", null));
    TestLocker.Agent renewed = locker.enroll(token.json().get("enrollment_token").asText());

    assertThat(token.status()).isEqualTo(201);
    assertThat(pending.get("state").asText()).isEqualTo("pending");
    assertThat(pending.get("revoked_at").isNull()).isTrue();
    ApiResponse keyringAfter = renewed.call("GET", "/v1/agent/keyring", null);
    assertThat(keyringAfter.status()).isEqualTo(200);
    assertThat(keyringAfter.json().get("verifier")).isEqualTo(keyringBefore.get("verifier"));
    assertThat(keyringAfter.json().get("kdf")).isEqualTo(keyringBefore.get("kdf"));
    assertRevoked(old.call("GET", "/v1/agent/keyring", null));
    assertThat(locker.named("/v1/admin/tenants/again/servers", "servers", "db1").get("state").asText())
        .isEqualTo("enrolled");
  }

  @Test
  void revokingAPendingServer_stopsItsToken() {
    String token = locker.addServer("early", "db1").json().get("enrollment_token").asText();

    assertThat(revoke("early").status()).isEqualTo(200);
    ApiResponse enrolled =
        locker.anonymous(
            "POST",
            "/v1/agent/enroll",
            json(
                Map.of(
                    "secret",
                    TestLocker.decodeToken(token).get("secret").asText(),
                    "csr",
                    "unused")));

    assertThat(enrolled.status()).isEqualTo(410);
  }
}
