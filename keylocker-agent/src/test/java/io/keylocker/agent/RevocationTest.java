package io.keylocker.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.agent.control.AgentStatus;
import io.keylocker.agent.error.AgentException;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.testing.Poll;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The locker revokes the server: the running agent wipes its keys and refuses to unlock, for good. */
class RevocationTest extends EnrolledAgentTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(5);

  private static SecretBytes passphrase() {
    return secret(PASSPHRASE);
  }

  private void unlock() {
    try (SecretBytes passphrase = passphrase()) {
      control().unlock(passphrase);
    }
  }

  private int vaultStatus(AgentDaemon daemon) throws Exception {
    return VaultHttp.get(daemon, stateDir, "/v1/mariadb/data/1").statusCode();
  }

  @Test
  void revocationSeenByTheLongPoll_wipesTheKeysWithinSeconds_deletesTheCache_andSealsTheVaultEdge()
      throws Exception {
    try (AgentDaemon daemon = start()) {
      unlock();
      assertThat(vaultStatus(daemon)).isEqualTo(200);
      // after its first answer the loop polls with wait=25: the revocation must wake that poll
      Poll.until(PROMPTLY, "the locker answered a first poll", this::lockerAnswered);
      long revokedAt = System.nanoTime();

      locker.revokeServer();

      Poll.until(PROMPTLY, "the agent learnt of the revocation", () -> control().status().revokedAt() != null);
      assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(PROMPTLY);
      AgentStatus status = control().status();
      assertThat(status.unlocked()).isFalse();
      assertThat(status.keys()).isEmpty();
      assertThat(vaultStatus(daemon)).isEqualTo(503);
      assertThat(Files.exists(stateDir.resolve("keyring-cache.json"))).isFalse();
      assertThat(Files.exists(stateDir.resolve("revoked"))).isTrue();
      assertThatThrownBy(this::unlock)
          .isInstanceOf(AgentException.Revoked.class)
          .hasMessage("this server was revoked by the locker; re-enroll");
    }
  }

  private boolean lockerAnswered() {
    return control().status().lockerConnection().lastContact() != null;
  }

  @Test
  void theRevocationMarker_survivesARestart_andRefusesUnlockWithoutTheLocker() throws Exception {
    try (AgentDaemon daemon = start()) {
      locker.revokeServer();
      Poll.until(PROMPTLY, "the agent learnt of the revocation", () -> control().status().revokedAt() != null);
    }
    locker.stop();

    try (AgentDaemon daemon = start()) {
      assertThat(control().status().revokedAt()).isNotNull();
      assertThat(control().status().unlocked()).isFalse();
      assertThatThrownBy(this::unlock)
          .isInstanceOf(AgentException.Revoked.class)
          .hasMessage("this server was revoked by the locker; re-enroll");
      assertThat(vaultStatus(daemon)).isEqualTo(503);
    }
  }
}
