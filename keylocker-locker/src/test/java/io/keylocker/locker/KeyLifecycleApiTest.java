package io.keylocker.locker;

import static io.keylocker.locker.AgentCommandsApiTest.keyringPath;
import static io.keylocker.locker.AgentCommandsApiTest.poll;
import static io.keylocker.locker.AgentCommandsApiTest.version;
import static io.keylocker.locker.KeyringJson.blob;
import static io.keylocker.locker.KeyringJson.decode;
import static io.keylocker.locker.KeyringJson.encode;
import static io.keylocker.locker.TestLocker.json;
import static io.keylocker.locker.UsageJson.report;
import static io.keylocker.locker.UsageJson.tablespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Destroy, compromise, cryptoperiod and policy; each test has its own locker and clock. */
class KeyLifecycleApiTest extends LockerWithAgentPerTest {
  private static final String VERSION_1 = keyringPath("acme") + "/keys/2/versions/1";

  private ApiResponse addKey2Version2() {
    return agent.call(
        "POST",
        "/v1/agent/keyring/keys/2/versions",
        json(Map.of("version", 2, "wrapped", encode(blob()))));
  }

  private ApiResponse reportUsage(Map<String, Object> report) {
    return agent.call("POST", "/v1/agent/usage", json(report));
  }

  private JsonNode adminView() {
    return locker.admin("GET", keyringPath("acme"), null).json();
  }

  private List<String> pendingKinds() {
    List<String> kinds = new ArrayList<>();
    poll(agent, 0).json().get("commands").forEach(c -> kinds.add(c.get("kind").asText()));
    return kinds;
  }

  @Test
  void destroy_isRefusedWhileInUse_forTheActiveVersion_andBeforeAnyReport() {
    addKey2Version2();
    ApiResponse noReport = locker.admin("POST", VERSION_1 + "/destroy", "{}");
    reportUsage(report(List.of(tablespace(2, 1, false))));

    ApiResponse inUse = locker.admin("POST", VERSION_1 + "/destroy", "{}");
    ApiResponse active =
        locker.admin("POST", keyringPath("acme") + "/keys/2/versions/2/destroy", "{}");

    assertThat(noReport.status()).isEqualTo(409);
    assertThat(noReport.errorMessage()).contains("has not reported its usage yet");
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.errorMessage())
        .isEqualTo("version 1 of key 2 is still in use by 1 tablespace");
    assertThat(active.errorMessage())
        .isEqualTo("version 2 of key 2 is active; rotate the key first");
    assertThat(version(adminView(), 2, 1).get("in_use_by_tablespaces").asInt()).isEqualTo(1);
  }

  @Test
  void destroy_isScheduledWithGrace_cancellable_thenRunsWhenDue_andTheBlobIsGone()
      throws IOException {
    addKey2Version2();
    reportUsage(report(List.of(tablespace(2, 2, false))));
    byte[] blob =
        decode(version(agent.call("GET", "/v1/agent/keyring", null).json(), 2, 1).get("wrapped"));

    ApiResponse scheduled =
        locker.admin("POST", VERSION_1 + "/destroy", json(Map.of("grace_seconds", 3600)));
    ApiResponse twice = locker.admin("POST", VERSION_1 + "/destroy", "{}");
    ApiResponse cancelled = locker.admin("DELETE", VERSION_1 + "/destroy", null);
    ApiResponse cancelledAgain = locker.admin("DELETE", VERSION_1 + "/destroy", null);
    locker.admin("POST", VERSION_1 + "/destroy", json(Map.of("grace_seconds", 3600)));
    locker.runScheduler();
    String beforeDue = version(adminView(), 2, 1).get("state").asText();
    locker.clock.advance(Duration.ofSeconds(3601));
    locker.runScheduler();

    assertThat(Instant.parse(scheduled.json().get("destroy_scheduled_for").asText()))
        .isEqualTo(
            locker
                .clock
                .instant()
                .minusSeconds(1)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(twice.status()).isEqualTo(409);
    assertThat(cancelled.status()).isEqualTo(204);
    assertThat(cancelledAgain.status()).isEqualTo(409);
    assertThat(beforeDue).isEqualTo("deactivated");
    JsonNode destroyed = version(adminView(), 2, 1);
    assertThat(destroyed.get("state").asText()).isEqualTo("destroyed");
    assertThat(destroyed.get("destroyed_at").asText()).endsWith("Z");
    assertThat(destroyed.get("destroy_scheduled_for").isNull()).isTrue();
    JsonNode agentVersion = version(agent.call("GET", "/v1/agent/keyring", null).json(), 2, 1);
    assertThat(agentVersion.get("state").asText()).isEqualTo("destroyed");
    assertThat(agentVersion.has("wrapped")).isFalse();
    assertThat(pendingKinds()).containsExactly("refresh");
    assertThat(indexOf(locker.databaseBytes(), blob)).isEqualTo(-1);
    assertThat(locker.admin("DELETE", VERSION_1 + "/destroy", null).status()).isEqualTo(409);
  }

  @Test
  void dueDestroy_ofAVersionInUseAgain_staysScheduled_withTheReason_andRunsOnceFree() {
    addKey2Version2();
    reportUsage(report(List.of(tablespace(2, 2, false))));
    locker.admin("POST", VERSION_1 + "/destroy", json(Map.of("grace_seconds", 0)));
    reportUsage(report(List.of(tablespace(2, 2, true))));

    locker.runScheduler();
    JsonNode blocked = version(adminView(), 2, 1);
    reportUsage(report(List.of(tablespace(2, 2, false))));
    locker.runScheduler();

    assertThat(blocked.get("state").asText()).isEqualTo("deactivated");
    assertThat(blocked.get("destroy_scheduled_for").asText()).endsWith("Z");
    assertThat(blocked.get("destroy_blocked").asText())
        .isEqualTo("version 1 of key 2 is still in use by 1 tablespace");
    assertThat(version(adminView(), 2, 1).get("state").asText()).isEqualTo("destroyed");
  }

  @Test
  void cryptoperiod_pastDue_queuesExactlyOneRotationPerKey() {
    JsonNode key1 = adminView().get("keys").get(0);
    locker.clock.advance(Duration.ofDays(90).plusSeconds(1));

    locker.runScheduler();
    locker.runScheduler();

    List<String> rotations = new ArrayList<>();
    poll(agent, 0)
        .json()
        .get("commands")
        .forEach(c -> rotations.add(c.get("kind") + "/" + c.get("key_id")));
    assertThat(rotations).containsExactlyInAnyOrder("\"rotate\"/1", "\"rotate\"/2");
    assertThat(Instant.parse(key1.get("next_rotation_at").asText()))
        .isEqualTo(
            Instant.parse(version(adminView(), 1, 1).get("activated_at").asText())
                .plus(Duration.ofDays(90)));
  }

  @Test
  void compromiseOfTheActiveVersion_queuesARotationAndARefresh() {
    ApiResponse compromised =
        locker.admin(
            "POST",
            keyringPath("acme") + "/keys/1/versions/1/compromise",
            json(Map.of("reason", "backup tape lost")));
    ApiResponse again =
        locker.admin(
            "POST",
            keyringPath("acme") + "/keys/1/versions/1/compromise",
            json(Map.of("reason", "again")));

    assertThat(compromised.status()).isEqualTo(200);
    assertThat(compromised.json().get("state").asText()).isEqualTo("compromised");
    assertThat(compromised.json().get("commands").get(0).get("key_id").asLong()).isEqualTo(1);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorMessage())
        .isEqualTo("version 1 of key 1 is compromised and cannot become compromised");
    assertThat(pendingKinds()).containsExactlyInAnyOrder("rotate", "refresh");
    JsonNode version = version(adminView(), 1, 1);
    assertThat(version.get("compromise_reason").asText()).isEqualTo("backup tape lost");
    assertThat(adminView().get("keys").get(0).get("next_rotation_at").isNull()).isTrue();
    assertThat(
            version(agent.call("GET", "/v1/agent/keyring", null).json(), 1, 1)
                .get("state")
                .asText())
        .isEqualTo("compromised");
  }

  @Test
  void usageReport_isValidatedStrictly_andShownToAdmins() throws IOException {
    Map<String, Object> negative = report(List.of(tablespace(2, -1, false)));
    Map<String, Object> tooManyBinlogs = report(List.of());
    List<Map<String, Object>> binlogs = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) {
      binlogs.add(Map.of("file", "b." + i, "key_id", 1, "key_version", 1));
    }
    tooManyBinlogs.put("binlogs", binlogs);

    assertThat(agent.call("POST", "/v1/agent/usage", "{\"tablespaces\":").status()).isEqualTo(400);
    assertThat(reportUsage(negative).errorMessage())
        .isEqualTo("tablespaces[0]: min_key_version must be between 0 and 4294967295");
    assertThat(reportUsage(tooManyBinlogs).errorMessage())
        .isEqualTo("binlogs must not hold more than 10000 entries");
    assertThat(
            agent.statusLineOfHead(
                "POST /v1/agent/usage HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                    + " application/json\r\nContent-Length: 16777217\r\n\r\n"))
        .startsWith("HTTP/1.1 413");
    assertThat(agent.call("POST", "/v1/agent/usage", " ".repeat(70 * 1024)).status())
        .as("more than 64 KiB is allowed here")
        .isEqualTo(400);
    assertThat(adminView().get("usage_reported_at").isNull()).isTrue();
    assertThat(reportUsage(report(List.of())).status()).isEqualTo(204);
    assertThat(adminView().get("usage_reported_at").asText()).endsWith("Z");
    assertThat(adminView().get("unencrypted_tables").get(0).asText()).isEqualTo("shop/public_info");
  }

  @Test
  void policy_isBounded_andChangesNextRotation() {
    String path = keyringPath("acme") + "/policy";

    ApiResponse zero = locker.admin("PUT", path, json(Map.of("cryptoperiod_days", 0)));
    ApiResponse tooLong = locker.admin("PUT", path, json(Map.of("cryptoperiod_days", 3651)));
    ApiResponse graceTooLong = locker.admin("PUT", path, json(Map.of("destroy_grace_days", 366)));
    ApiResponse badGrace =
        locker.admin("POST", VERSION_1 + "/destroy", json(Map.of("grace_seconds", -1)));
    ApiResponse changed =
        locker.admin("PUT", path, json(Map.of("cryptoperiod_days", 30, "destroy_grace_days", 0)));

    assertThat(zero.errorMessage()).isEqualTo("cryptoperiod_days must be between 1 and 3650");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(graceTooLong.errorMessage())
        .isEqualTo("destroy_grace_days must be between 0 and 365");
    assertThat(badGrace.status()).isEqualTo(400);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("cryptoperiod_days").asInt()).isEqualTo(30);
    JsonNode view = adminView();
    assertThat(view.get("policy").get("destroy_grace_days").asInt()).isEqualTo(0);
    assertThat(Instant.parse(view.get("keys").get(0).get("next_rotation_at").asText()))
        .isEqualTo(
            Instant.parse(version(view, 1, 1).get("activated_at").asText())
                .plus(Duration.ofDays(30)));
  }

  @Test
  void close_endsAWaitingPollPromptly() throws Exception {
    CompletableFuture<Throwable> polled =
        CompletableFuture.supplyAsync(() -> catchThrowable(() -> poll(agent, 30)));
    Throwable stillWaiting = catchThrowable(() -> polled.get(500, TimeUnit.MILLISECONDS));
    long started = System.nanoTime();

    locker.server.close();
    polled.get(10, TimeUnit.SECONDS);

    assertThat(stillWaiting).isInstanceOf(TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
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
