package io.keylocker.locker;

import static io.keylocker.locker.AgentCommandsApiTest.keyringPath;
import static io.keylocker.locker.KeyringJson.blob;
import static io.keylocker.locker.KeyringJson.decode;
import static io.keylocker.locker.KeyringJson.encode;
import static io.keylocker.locker.TestLocker.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Destroy of a whole keyring when its server is decommissioned. */
class KeyringDestroyApiTest extends LockerWithAgentPerTest {
  private static final String DESTROY = keyringPath("acme") + "/destroy";

  private ApiResponse revoke() {
    return locker.admin(
        "POST",
        "/v1/admin/tenants/acme/servers/db1/revoke",
        json(Map.of("reason", "decommissioned")));
  }

  private List<String> states() {
    List<String> states = new ArrayList<>();
    for (JsonNode key : locker.admin("GET", keyringPath("acme"), null).json().get("keys")) {
      key.get("versions").forEach(v -> states.add(v.get("state").asText()));
    }
    return states;
  }

  /** Key 1: version 1 compromised; key 2: version 1 deactivated, version 2 active. */
  private List<byte[]> keyringInEveryState() {
    agent.call(
        "POST",
        "/v1/agent/keyring/keys/2/versions",
        json(Map.of("version", 2, "wrapped", encode(blob()))));
    locker.admin(
        "POST",
        keyringPath("acme") + "/keys/1/versions/1/compromise",
        json(Map.of("reason", "tape lost")));
    List<byte[]> blobs = new ArrayList<>();
    for (JsonNode key : agent.call("GET", "/v1/agent/keyring", null).json().get("keys")) {
      key.get("versions").forEach(v -> blobs.add(decode(v.get("wrapped"))));
    }
    return blobs;
  }

  @Test
  void keyringDestroy_isRefusedWhileTheServerIsNotRevoked() {
    ApiResponse refused = locker.admin("POST", DESTROY, "{}");

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.errorMessage())
        .isEqualTo(
            "revoke the server first: a keyring is destroyed only for a decommissioned server");
    assertThat(locker.admin("DELETE", DESTROY, null).status()).isEqualTo(409);
  }

  @Test
  void keyringDestroy_isScheduled_cancellable_thenDestroysEveryVersion_andNoBlobIsLeft()
      throws IOException {
    List<byte[]> blobs = keyringInEveryState();
    assertThat(states()).containsExactly("compromised", "deactivated", "active");
    assertThat(revoke().status()).isEqualTo(200);

    ApiResponse scheduled = locker.admin("POST", DESTROY, json(Map.of("grace_seconds", 3600)));
    ApiResponse twice = locker.admin("POST", DESTROY, "{}");
    ApiResponse cancelled = locker.admin("DELETE", DESTROY, null);
    ApiResponse cancelledAgain = locker.admin("DELETE", DESTROY, null);
    ApiResponse again = locker.admin("POST", DESTROY, json(Map.of("grace_seconds", 3600)));
    JsonNode view = locker.admin("GET", keyringPath("acme"), null).json();
    locker.runScheduler();
    List<String> beforeDue = states();
    locker.clock.advance(Duration.ofSeconds(3601));
    locker.runScheduler();

    assertThat(scheduled.status()).isEqualTo(202);
    assertThat(Instant.parse(scheduled.json().get("destroy_scheduled_for").asText()))
        .isEqualTo(locker.clock.instant().minusSeconds(3601).plusSeconds(3600).truncatedTo(
            java.time.temporal.ChronoUnit.SECONDS));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.errorMessage()).contains("already scheduled for destruction at");
    assertThat(cancelled.status()).isEqualTo(204);
    assertThat(cancelledAgain.status()).isEqualTo(409);
    assertThat(again.status()).isEqualTo(202);
    assertThat(view.get("destroy_scheduled_for").asText())
        .as("the keyring view shows the pending decommission")
        .isEqualTo(again.json().get("destroy_scheduled_for").asText());
    assertThat(locker.admin("GET", keyringPath("acme"), null).json().get("destroy_scheduled_for").isNull())
        .as("cleared once it ran")
        .isTrue();
    assertThat(beforeDue).containsExactly("compromised", "deactivated", "active");
    assertThat(states()).containsExactly("destroyed", "destroyed", "destroyed");
    byte[] database = locker.databaseBytes();
    assertThat(blobs).hasSize(3).allSatisfy(b -> assertThat(indexOf(database, b)).isEqualTo(-1));
    assertThat(locker.admin("DELETE", DESTROY, null).status()).isEqualTo(409);
    ApiResponse nothingLeft = locker.admin("POST", DESTROY, "{}");
    assertThat(nothingLeft.status()).isEqualTo(409);
    assertThat(nothingLeft.errorMessage()).contains("already destroyed");
  }

  @Test
  void keyringDestroy_withoutGrace_usesThePolicy_andBadGraceIs400() {
    revoke();

    ApiResponse negative = locker.admin("POST", DESTROY, json(Map.of("grace_seconds", -1)));
    ApiResponse scheduled = locker.admin("POST", DESTROY, null);

    assertThat(negative.status()).isEqualTo(400);
    assertThat(scheduled.status()).isEqualTo(202);
    assertThat(Instant.parse(scheduled.json().get("destroy_scheduled_for").asText()))
        .isEqualTo(
            locker
                .clock
                .instant()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plus(Duration.ofDays(7)));
  }

  @Test
  void keyringDestroy_ofAnUnknownServer_is404() {
    assertThat(
            locker
                .admin("POST", "/v1/admin/tenants/acme/servers/nope/keyring/destroy", "{}")
                .status())
        .isEqualTo(404);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
