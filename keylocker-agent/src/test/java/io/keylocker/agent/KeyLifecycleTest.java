package io.keylocker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keylocker.agent.control.AgentStatus;
import io.keylocker.agent.lockerclient.FakeCommandQueue;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.testing.Poll;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running daemon and the locker's commands (rotate, refresh) end to end, against a fake locker. */
class KeyLifecycleTest extends EnrolledAgentTest {
  private static final JsonMapper JSON = new JsonMapper();
  private static final Duration SOON = Duration.ofSeconds(10);

  private void unlock() {
    try (SecretBytes passphrase = secret(PASSPHRASE)) {
      control().unlock(passphrase);
    }
  }

  private static JsonNode vault(AgentDaemon daemon, Path stateDir, String path) {
    try {
      HttpResponse<String> response = VaultHttp.get(daemon, stateDir, path);
      return JSON.createObjectNode().put("status", response.statusCode()).set("body", JSON.readTree(response.body()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private long latestVersion(AgentDaemon daemon) {
    return vault(daemon, stateDir, "/v1/mariadb/data/1").at("/body/data/metadata/version").asLong();
  }

  private String key(AgentDaemon daemon, String query) {
    return vault(daemon, stateDir, "/v1/mariadb/data/1" + query).at("/body/data/data/data").asText();
  }

  private void awaitCompleted(String commandId) {
    Poll.until(SOON, "command " + commandId + " completed", () -> locker.commands.completed.containsKey(commandId));
  }

  @Test
  void rotateCommand_whileUnlocked_servesTheNewVersionAsLatest_andTheOldOneByVersion() {
    try (AgentDaemon daemon = start()) {
      unlock();
      String first = key(daemon, "");

      String id = locker.commands.queue("rotate", 1L);

      Poll.until(SOON, "version 2 served as latest", () -> latestVersion(daemon) == 2);
      assertThat(key(daemon, "")).isNotEqualTo(first).matches("[0-9a-f]{64}");
      assertThat(key(daemon, "?version=1")).isEqualTo(first);
      awaitCompleted(id);
      assertThat(locker.commands.completed.get(id).outcome()).isEqualTo("done");
      assertThat(control().status().keys()).containsExactly(new AgentStatus.KeyVersions(1, 2L, List.of(
          new AgentStatus.VersionState(1, "deactivated"), new AgentStatus.VersionState(2, "active"))));
      assertThat(vault(daemon, stateDir, "/v1/mariadb/metadata/1").at("/body/data/versions/1/state").asText())
          .isEqualTo("deactivated");
    }
  }

  @Test
  void rotateCommand_whileLocked_staysPending_andRunsRightAfterUnlock() {
    try (AgentDaemon daemon = start()) {
      String id = locker.commands.queue("rotate", 1L);
      Poll.until(SOON, "the agent saw the command", () -> locker.commands.deliveries.getOrDefault(id, 0) > 0);

      assertThat(locker.commands.pending()).extracting(FakeCommandQueue.Command::id).containsExactly(id);
      assertThat(locker.wrapped(1, 2)).isNull();

      unlock();

      Poll.until(SOON, "version 2 served as latest", () -> latestVersion(daemon) == 2);
      awaitCompleted(id);
      assertThat(locker.wrapped(1, 2)).isNotNull();
    }
  }

  @Test
  void rotateCommandSeenAgain_afterItsCompletionFailed_createsOneVersion() {
    locker.commands.implicitRotateCompletion = false;
    locker.failingCompletions.set(1);
    try (AgentDaemon daemon = start()) {
      unlock();
      String id = locker.commands.queue("rotate", 1L);

      awaitCompleted(id);

      assertThat(locker.commands.deliveries.get(id)).as("redelivered after the failed completion").isGreaterThan(1);
      assertThat(locker.wrapped(1, 2)).isNotNull();
      assertThat(locker.wrapped(1, 3)).isNull();
      assertThat(locker.commands.completed.get(id).message()).isEqualTo("key 1 version 2 was already created for this rotation");
      assertThat(latestVersion(daemon)).isEqualTo(2);
    }
  }

  @Test
  void refresh_afterADestroy_dropsTheVersionFromMemoryAndCache_andItIsNotFound() throws Exception {
    try (AgentDaemon daemon = start()) {
      unlock();
      awaitCompleted(locker.commands.queue("rotate", 1L));
      String destroyedBlob = locker.wrapped(1, 1);
      assertThat(Files.readString(stateDir.resolve("keyring-cache.json"))).contains(destroyedBlob);

      locker.destroy(1, 1);

      Poll.until(SOON, "version 1 no longer served", () -> vault(daemon, stateDir, "/v1/mariadb/data/1?version=1")
          .get("status").asInt() == 404);
      assertThat(vault(daemon, stateDir, "/v1/mariadb/data/1?version=1").get("body").toString()).isEqualTo("{\"errors\":[]}");
      String cache = Files.readString(stateDir.resolve("keyring-cache.json"));
      assertThat(cache).doesNotContain(destroyedBlob).contains("\"destroyed\"");
      assertThat(latestVersion(daemon)).isEqualTo(2);
      assertThat(control().status().keys().getFirst().versions()).contains(new AgentStatus.VersionState(1, "destroyed"));
      assertThat(vault(daemon, stateDir, "/v1/mariadb/metadata/1").at("/body/data/versions/1/destroyed").asBoolean())
          .isTrue();
    }
  }

  @Test
  void unknownCommandKind_isCompletedAsFailed_withAMessage() {
    try (AgentDaemon daemon = start()) {
      String id = locker.commands.queue("defragment", null);

      awaitCompleted(id);

      assertThat(locker.commands.completed.get(id))
          .isEqualTo(new FakeCommandQueue.Completion("failed", "this agent does not know commands of kind 'defragment'"));
    }
  }

  @Test
  void lockerDown_isShownAsUnreachable_andThePollRecoversWhenItIsBack() throws Exception {
    try (AgentDaemon daemon = start()) {
      Poll.until(SOON, "first contact", () -> control().status().lockerConnection().lastContact() != null);

      locker.stop();

      Poll.until(SOON, "status shows the locker unreachable",
          () -> control().status().lockerConnection().unreachableSince() != null);
      AgentStatus.LockerConnection down = control().status().lockerConnection();
      assertThat(down.problem()).contains("cannot reach the locker");
      assertThat(down.lastContact()).isNotNull();

      locker.restart();

      Poll.until(Duration.ofSeconds(40), "status shows the locker reachable again",
          () -> control().status().lockerConnection().unreachableSince() == null);
      String id = locker.commands.queue("refresh", null);
      awaitCompleted(id);
    }
  }
}
