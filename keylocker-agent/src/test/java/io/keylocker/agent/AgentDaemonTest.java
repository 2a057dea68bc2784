package io.keylocker.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keylocker.agent.control.AgentStatus;
import io.keylocker.agent.control.ControlClient;
import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.testing.Poll;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The daemon end to end against a fake locker: enroll, init, run, unlock, serve, create, lock. */
class AgentDaemonTest extends EnrolledAgentTest {
  private static final JsonMapper JSON = new JsonMapper();

  private HttpResponse<String> vaultGet(AgentDaemon daemon, String path) throws Exception {
    return VaultHttp.get(daemon, stateDir, path);
  }

  @Test
  void daemon_startsLocked_unlocksServesCreatesKeysAndLocksAgain() throws Exception {
    try (AgentDaemon daemon = start()) {
      assertThat(daemon.vaultAddress()).isEqualTo("https://127.0.0.1:" + daemon.vaultPort());
      assertThat(daemon.stateDir()).isEqualTo(stateDir.toAbsolutePath());
      ControlClient control = operations.control(stateDir);
      assertThat(control.status().unlocked()).isFalse();
      assertThat(vaultGet(daemon, "/v1/mariadb/data/1").statusCode()).isEqualTo(503);

      try (SecretBytes passphrase = secret(PASSPHRASE)) {
        control.unlock(passphrase);
      }
      HttpResponse<String> key1 = vaultGet(daemon, "/v1/mariadb/data/1");
      assertThat(key1.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(key1.body()).at("/data/data/data").textValue()).matches("[0-9a-f]{64}");

      assertThat(control.createKey(2).version()).isEqualTo(1);
      assertThat(vaultGet(daemon, "/v1/mariadb/data/2").statusCode()).isEqualTo(200);
      assertThat(locker.keyring.get("keys").size()).isEqualTo(2);

      AgentStatus status = control.status();
      assertThat(status.unlocked()).isTrue();
      assertThat(status.tenant() + "/" + status.server()).isEqualTo("acme/db1");
      assertThat(status.keys()).extracting(AgentStatus.KeyVersions::keyId).containsExactly(1L, 2L);
      assertThat(status.deliveries()).containsExactly(
          new AgentStatus.Delivery(1, 1, 1), new AgentStatus.Delivery(2, 1, 1));
      assertThat(status.toJson()).containsPattern(
          "\\{[^{}]*\"key_id\"\\s*:\\s*2\\s*,[^{}]*\"version\"\\s*:\\s*1[^{}]*\"deliveries\"\\s*:\\s*1");

      control.lock();
      assertThat(vaultGet(daemon, "/v1/mariadb/data/1").statusCode()).isEqualTo(503);
      Poll.until(Duration.ofSeconds(10), "heartbeats for start, unlock and lock", () -> locker.heartbeats.size() >= 3);
      assertThat(locker.heartbeats).containsExactlyInAnyOrder("locked", "unlocked", "locked");
    }
  }

  @Test
  void wrongPassphrase_isAuthenticationFailure_andTheAgentStaysLocked() throws Exception {
    try (AgentDaemon daemon = start(); SecretBytes wrong = secret("not the passphrase")) {
      ControlClient control = operations.control(stateDir);

      assertThatThrownBy(() -> control.unlock(wrong))
          .isInstanceOf(AgentException.AuthenticationFailed.class)
          .hasMessageContaining("wrong passphrase");
      assertThat(control.status().unlocked()).isFalse();
      assertThat(vaultGet(daemon, "/v1/mariadb/data/1").statusCode()).isEqualTo(503);
    }
  }

  @Test
  void secondDaemon_onTheSameStateDirectory_isRefused_andCloseRemovesTheSocket() {
    Path socket;
    try (AgentDaemon daemon = start()) {
      socket = StateDirectory.open(stateDir).socket();
      assertThatThrownBy(this::start)
          .isInstanceOf(AgentException.Refused.class)
          .hasMessageContaining("already running");
      assertThat(operations.control(stateDir).status().server()).isEqualTo("db1");
    }
    assertThat(Files.exists(socket)).isFalse();
  }

  @Test
  void mariadbConfig_usesTheBoundAddress_theTokenAndTheCaPath() throws Exception {
    String token;
    int port;
    try (AgentDaemon daemon = start()) {
      port = daemon.vaultPort();
      token = new String(StateDirectory.open(stateDir).read(StateFile.VAULT_TOKEN), StandardCharsets.US_ASCII).strip();
    }

    String config = operations.mariadbConfig(stateDir, Optional.empty());

    assertThat(config)
        .contains("hashicorp-key-management-vault-url=https://127.0.0.1:" + port + "/v1/mariadb\n")
        .contains("hashicorp-key-management-token=" + token + "\n")
        .contains("hashicorp-key-management-vault-ca=" + stateDir.toAbsolutePath().resolve("vault-ca.pem") + "\n");
  }

  @Test
  void mariadbConfig_withVaultCaOut_copiesTheCaWorldReadable_andPointsThere() throws Exception {
    try (AgentDaemon ignored = start()) {
      // the daemon writes the Vault TLS material on start
    }
    Path copy = stateDir.getParent().resolve("public-vault-ca.pem");

    String config = operations.mariadbConfig(stateDir, Optional.of(copy));

    assertThat(config).contains("hashicorp-key-management-vault-ca=" + copy.toAbsolutePath() + "\n");
    assertThat(Files.readString(copy)).isEqualTo(Files.readString(stateDir.resolve("vault-ca.pem")));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy))).isEqualTo("rw-r--r--");
  }

  @Test
  void unlock_usesTheCachedKeyring_whenTheLockerIsDown() throws Exception {
    locker.close();
    try (AgentDaemon daemon = start(); SecretBytes passphrase = secret(PASSPHRASE)) {
      operations.control(stateDir).unlock(passphrase);

      JsonNode health = JSON.readTree(vaultGet(daemon, "/v1/sys/health").body());
      assertThat(health.get("sealed").booleanValue()).isFalse();
    }
  }
}
