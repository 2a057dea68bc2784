package io.keylocker.agent.lockerclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keyring.WrappedKeyring;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.crypto.KdfParameters;
import io.keylocker.testing.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockerKeyringStoreTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] VERIFIER = new byte[60];
  private static final byte[] WRAPPED = new byte[61];

  @TempDir Path temp;
  private FakeLocker locker;
  private StateDirectory state;
  private Enrollment enrollment;
  private LockerKeyringStore store;

  @BeforeEach
  void enroll() throws Exception {
    locker = new FakeLocker();
    state = StateDirectory.create(temp.resolve("agent"));
    enrollment = new Enroller(RANDOM).enroll(EnrollmentToken.parse(locker.token()), state).enrollment();
    store = LockerKeyringStore.open(state, enrollment);
  }

  @AfterEach
  void stop() throws Exception {
    store.close();
    locker.close();
  }

  @Test
  void create_putsTheDocumentedBody_overMutualTls_andCachesTheAnswer() throws Exception {
    KdfParameters kdf = KdfParameters.recommended(RANDOM);

    store.create(kdf, VERIFIER, WRAPPED);

    JsonNode put = locker.keyring;
    assertThat(put.get("format_version").intValue()).isEqualTo(1);
    assertThat(put.at("/kdf/algorithm").textValue()).isEqualTo("argon2id");
    assertThat(put.at("/kdf/memory_kib").intValue()).isEqualTo(kdf.memoryKib());
    assertThat(Base64.getDecoder().decode(put.at("/kdf/salt").textValue())).isEqualTo(kdf.salt());
    assertThat(put.at("/keys/0/key_id").longValue()).isEqualTo(1);
    assertThat(put.at("/keys/0/versions/0/version").longValue()).isEqualTo(1);
    assertThat(locker.clientCertificates).isNotEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.path(StateFile.KEYRING_CACHE))))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> store.create(kdf, VERIFIER, WRAPPED))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("keyring already exists");
  }

  @Test
  void load_returnsTheKeyring_andAddVersionRefreshesTheCache() {
    store.create(KdfParameters.recommended(RANDOM), VERIFIER, WRAPPED);

    Instant created = store.addVersion(5, 1, WRAPPED);
    WrappedKeyring loaded = store.load();

    assertThat(created.toString()).isEqualTo(locker.keyring.at("/keys/1/versions/0/created_at").textValue());
    assertThat(loaded.versions()).extracting(v -> v.keyId() + "/" + v.version()).containsExactly("1/1", "5/1");
    assertThat(KeyringCodec.decode(state.read(StateFile.KEYRING_CACHE), "cache").versions()).hasSize(2);
    assertThatThrownBy(() -> store.addVersion(5, 1, WRAPPED)).isInstanceOf(AgentException.Refused.class);
  }

  @Test
  void load_fallsBackToTheCache_whenTheLockerIsUnreachable() throws Exception {
    store.create(KdfParameters.recommended(RANDOM), VERIFIER, WRAPPED);
    locker.close();

    WrappedKeyring cached = store.load();

    assertThat(cached.versions()).singleElement().satisfies(v -> assertThat(v.keyId()).isEqualTo(1));
  }

  @Test
  void load_withoutCache_whenTheLockerIsUnreachable_isUnreachable() throws Exception {
    String address = locker.address();
    locker.close();

    assertThatThrownBy(store::load)
        .isInstanceOf(AgentException.Unreachable.class)
        .hasMessageContaining("cannot reach the locker at " + address)
        .hasMessageContaining("no cached keyring");
  }

  @Test
  void load_withoutKeyring_isNotFoundWithAHint() {
    assertThatThrownBy(store::load)
        .isInstanceOf(AgentException.NotFound.class)
        .hasMessageContaining("keylocker agent init");
  }

  @Test
  void aRevokedAgent_isAnAuthenticationFailure_andTheCacheIsNotUsed() {
    store.create(KdfParameters.recommended(RANDOM), VERIFIER, WRAPPED);
    locker.revoked = true;

    assertThatThrownBy(store::load)
        .isInstanceOf(AgentException.AuthenticationFailed.class)
        .hasMessage("the locker refused the agent: the certificate is not an enrolled agent's current certificate");
  }

  @Test
  void reportState_sendsAHeartbeat() {
    store.reportState(true);

    Poll.until(Duration.ofSeconds(10), "the locker got a heartbeat", () -> !locker.heartbeats.isEmpty());
    assertThat(locker.heartbeats).containsExactly("unlocked");
  }

  @Test
  void decode_rejectsKdfParametersOutsideTheBounds_andOversizedBlobs() throws Exception {
    store.create(KdfParameters.recommended(RANDOM), VERIFIER, WRAPPED);
    JsonMapper json = new JsonMapper();
    byte[] body = json.writeValueAsBytes(locker.keyring);

    ObjectNode weak = (ObjectNode) json.readTree(body);
    ((ObjectNode) weak.get("kdf")).put("memory_kib", 1024);
    assertThatThrownBy(() -> KeyringCodec.decode(json.writeValueAsBytes(weak), "the locker"))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("memory_kib");

    ObjectNode huge = (ObjectNode) json.readTree(body);
    ((ObjectNode) huge.at("/keys/0/versions/0"))
        .put("wrapped", Base64.getEncoder().encodeToString(new byte[5000]));
    assertThatThrownBy(() -> KeyringCodec.decode(json.writeValueAsBytes(huge), "the locker"))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("wrapped is longer");
  }
}
