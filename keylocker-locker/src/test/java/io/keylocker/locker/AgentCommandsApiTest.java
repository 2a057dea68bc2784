package io.keylocker.locker;

import static io.keylocker.locker.KeyringJson.blob;
import static io.keylocker.locker.KeyringJson.encode;
import static io.keylocker.locker.KeyringJson.keyring;
import static io.keylocker.locker.TestLocker.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Agent commands: the long poll, completion, and rotation through a version upload. */
class AgentCommandsApiTest extends LockerPerClass {
  /** An enrolled agent of {@code tenant}/db1 with keys 1 and 2, version 1 each. */
  static TestLocker.Agent agentWithKeyring(TestLocker locker, String tenant) {
    TestLocker.Agent agent = locker.enrolledAgent(tenant, "db1");
    ApiResponse put =
        agent.call(
            "PUT",
            "/v1/agent/keyring",
            json(keyring(Map.of(1L, List.of(blob()), 2L, List.of(blob())))));
    assertThat(put.status()).isEqualTo(201);
    return agent;
  }

  static String keyringPath(String tenant) {
    return "/v1/admin/tenants/" + tenant + "/servers/db1/keyring";
  }

  static ApiResponse poll(TestLocker.Agent agent, int waitSeconds) {
    return agent.call("GET", "/v1/agent/commands?wait=" + waitSeconds, null);
  }

  static ApiResponse rotate(TestLocker locker, String tenant, long keyId) {
    return locker.admin("POST", keyringPath(tenant) + "/rotate", json(Map.of("key_id", keyId)));
  }

  static JsonNode version(JsonNode keyring, long keyId, int version) {
    for (JsonNode key : keyring.get("keys")) {
      if (key.get("key_id").asLong() == keyId) {
        return key.get("versions").get(version - 1);
      }
    }
    throw new AssertionError("no key " + keyId);
  }

  @Test
  void poll_withAPendingCommand_returnsAtOnce() {
    TestLocker.Agent agent = agentWithKeyring(locker, "pending");
    ApiResponse rotated = rotate(locker, "pending", 2);
    long started = System.nanoTime();

    ApiResponse polled = poll(agent, 25);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(rotated.status()).isEqualTo(202);
    JsonNode command = polled.json().get("commands").get(0);
    assertThat(polled.json().get("commands")).hasSize(1);
    assertThat(command.get("id").asText())
        .isEqualTo(rotated.json().get("commands").get(0).get("id").asText());
    assertThat(command.get("kind").asText()).isEqualTo("rotate");
    assertThat(command.get("key_id").asLong()).isEqualTo(2);
    assertThat(command.get("created_at").asText()).endsWith("Z");
  }

  @Test
  void poll_waiting_isWokenWhenAnAdminQueuesARotation() throws Exception {
    TestLocker.Agent agent = agentWithKeyring(locker, "wake");
    long started = System.nanoTime();
    CompletableFuture<ApiResponse> polled = CompletableFuture.supplyAsync(() -> poll(agent, 20));
    Throwable stillWaiting = catchThrowable(() -> polled.get(500, TimeUnit.MILLISECONDS));

    rotate(locker, "wake", 1);
    ApiResponse response = polled.get(10, TimeUnit.SECONDS);

    assertThat(stillWaiting).isInstanceOf(TimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(response.json().get("commands").get(0).get("key_id").asLong()).isEqualTo(1);
  }

  @Test
  void poll_withNothingQueued_returnsAnEmptyListAfterTheWait() {
    TestLocker.Agent agent = agentWithKeyring(locker, "idle");
    long started = System.nanoTime();

    ApiResponse polled = poll(agent, 1);

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(polled.status()).isEqualTo(200);
    assertThat(polled.json().get("commands")).isEmpty();
  }

  @Test
  void poll_withBadWait_is400() {
    TestLocker.Agent agent = agentWithKeyring(locker, "badwait");

    assertThat(poll(agent, 31).errorMessage())
        .isEqualTo("wait must be a number of seconds between 0 and 30");
    assertThat(agent.call("GET", "/v1/agent/commands?wait=-1", null).status()).isEqualTo(400);
  }

  @Test
  void complete_removesTheCommandFromLaterPolls_andUnknownIdsAre404() {
    TestLocker.Agent agent = agentWithKeyring(locker, "complete");
    String id = rotate(locker, "complete", 1).json().get("commands").get(0).get("id").asText();
    String path = "/v1/agent/commands/" + id + "/complete";

    ApiResponse badOutcome = agent.call("POST", path, json(Map.of("outcome", "maybe")));
    ApiResponse done = agent.call("POST", path, json(Map.of("outcome", "done", "message", "ok")));
    ApiResponse again = agent.call("POST", path, json(Map.of("outcome", "done")));
    ApiResponse unknown =
        agent.call(
            "POST",
            "/v1/agent/commands/00000000-0000-4000-8000-000000000000/complete",
            json(Map.of("outcome", "failed")));

    assertThat(badOutcome.status()).isEqualTo(400);
    assertThat(done.status()).isEqualTo(204);
    assertThat(done.body()).isEmpty();
    assertThat(again.status()).isEqualTo(204);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(poll(agent, 0).json().get("commands")).isEmpty();
  }

  @Test
  void rotate_whilePending_reusesTheCommand_andUnknownKeyIs404() {
    agentWithKeyring(locker, "twice");

    String first = rotate(locker, "twice", 1).json().get("commands").get(0).get("id").asText();
    String second = rotate(locker, "twice", 1).json().get("commands").get(0).get("id").asText();
    ApiResponse all = locker.admin("POST", keyringPath("twice") + "/rotate", "{}");

    assertThat(second).isEqualTo(first);
    assertThat(all.status()).isEqualTo(202);
    assertThat(all.json().get("commands")).hasSize(2);
    assertThat(rotate(locker, "twice", 9).status()).isEqualTo(404);
  }

  @Test
  void uploadOfTheNextVersion_activatesIt_deactivatesThePrevious_andCompletesTheRotation() {
    TestLocker.Agent agent = agentWithKeyring(locker, "swap");
    rotate(locker, "swap", 1);

    ApiResponse added =
        agent.call(
            "POST",
            "/v1/agent/keyring/keys/1/versions",
            json(Map.of("version", 2, "wrapped", encode(blob()))));

    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("state").asText()).isEqualTo("active");
    JsonNode agentView = agent.call("GET", "/v1/agent/keyring", null).json();
    assertThat(version(agentView, 1, 1).get("state").asText()).isEqualTo("deactivated");
    assertThat(version(agentView, 1, 1).has("wrapped")).isTrue();
    assertThat(version(agentView, 1, 2).get("state").asText()).isEqualTo("active");
    JsonNode adminView = locker.admin("GET", keyringPath("swap"), null).json();
    assertThat(version(adminView, 1, 1).get("deactivated_at").asText()).endsWith("Z");
    assertThat(version(adminView, 1, 2).get("activated_at").asText()).endsWith("Z");
    assertThat(poll(agent, 0).json().get("commands")).isEmpty();
  }
}
