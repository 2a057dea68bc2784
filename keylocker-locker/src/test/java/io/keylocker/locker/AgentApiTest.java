package io.keylocker.locker;

import static io.keylocker.locker.KeyringJson.RANDOM;
import static io.keylocker.locker.KeyringJson.WRAPPER;
import static io.keylocker.locker.KeyringJson.blob;
import static io.keylocker.locker.KeyringJson.decode;
import static io.keylocker.locker.KeyringJson.encode;
import static io.keylocker.locker.KeyringJson.kdfJson;
import static io.keylocker.locker.KeyringJson.keyring;
import static io.keylocker.locker.KeyringJson.oversizedBlob;
import static io.keylocker.locker.TestLocker.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.crypto.KdfParameters;
import io.keylocker.crypto.KekVerifier;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.crypto.WrapContext;
import io.keylocker.crypto.pki.CertificateAuthority;
import io.keylocker.crypto.pki.KeyPairs;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

class AgentApiTest extends LockerPerClass {
  @Test
  void agentCall_withoutClientCertificate_is401() {
    ApiResponse response = locker.anonymous("GET", "/v1/agent/keyring", null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorMessage()).isEqualTo("client certificate required");
  }

  @Test
  void agentCall_withCertificateFromAnotherCa_failsTheTlsHandshake() throws Exception {
    CertificateAuthority stranger =
        CertificateAuthority.create("stranger", Clock.systemUTC(), RANDOM);
    KeyPair pair = KeyPairs.ecP256(RANDOM);
    X509Certificate certificate =
        stranger.issueClient(Pem.csr(TestLocker.csr(pair)), "acme/db1", Duration.ofDays(1));
    try (HttpClient client =
        HttpClient.newBuilder()
            .sslContext(
                ForcedClientIdentity.context(
                    pair.getPrivate(), certificate, locker.server.caCertificate()))
            .build()) {

      Throwable failure =
          catchThrowable(
              () -> locker.send(client, "GET", "/v1/agent/keyring", null, Optional.empty()));

      assertThat(failure)
          .isInstanceOf(UncheckedIOException.class)
          .hasRootCauseInstanceOf(SSLException.class);
    }
  }

  @Test
  void agentCall_withOurCaButNoEnrolledServer_is403() throws IOException {
    CertificateAuthority ca =
        new CertificateAuthority(
            Pem.privateKey(Files.readString(dataDir.resolve("ca-key.pem"))),
            locker.server.caCertificate(),
            Clock.systemUTC(),
            RANDOM);
    KeyPair pair = KeyPairs.ecP256(RANDOM);
    X509Certificate forged =
        ca.issueClient(Pem.csr(TestLocker.csr(pair)), "acme/db1", Duration.ofDays(1));
    var client =
        locker.client(Optional.of(new TlsContexts.Identity(pair.getPrivate(), List.of(forged))));

    ApiResponse response = locker.send(client, "GET", "/v1/agent/keyring", null, Optional.empty());

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.errorCode()).isEqualTo("FORBIDDEN");
  }

  @Test
  void getKeyring_beforeItExists_is404() {
    TestLocker.Agent agent = locker.enrolledAgent("empty", "db1");

    ApiResponse response = agent.call("GET", "/v1/agent/keyring", null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorMessage()).isEqualTo("keyring not initialized");
  }

  @Test
  void putKeyring_thenGet_returnsTheSameBlobsWhichStillUnwrap() throws Exception {
    TestLocker.Agent agent = locker.enrolledAgent("round", "db1");
    try (SecretBytes kek = SecretBytes.random(32, RANDOM);
        SecretBytes key = SecretBytes.random(32, RANDOM)) {
      byte[] wrapped =
          WRAPPER.wrap(kek, key, WrapContext.keyVersion("round", "db1/default", "1", 1));
      byte[] verifier = new KekVerifier(WRAPPER).create(kek, "round", "db1/default");
      KdfParameters kdf = KdfParameters.recommended(RANDOM);

      ApiResponse put =
          agent.call(
              "PUT",
              "/v1/agent/keyring",
              json(keyring(kdf, verifier, Map.of(1L, List.of(wrapped)))));
      ApiResponse get = agent.call("GET", "/v1/agent/keyring", null);

      assertThat(put.status()).isEqualTo(201);
      assertThat(get.status()).isEqualTo(200);
      assertThat(get.json()).isEqualTo(put.json());
      JsonNode body = get.json();
      assertThat(body.get("tenant").asText()).isEqualTo("round");
      assertThat(body.get("server").asText()).isEqualTo("db1");
      assertThat(body.get("keyring").asText()).isEqualTo("default");
      assertThat(body.get("format_version").asInt()).isEqualTo(1);
      assertThat(body.get("kdf").get("algorithm").asText()).isEqualTo("argon2id");
      assertThat(body.get("kdf").get("memory_kib").asInt()).isEqualTo(kdf.memoryKib());
      assertThat(decode(body.get("kdf").get("salt"))).isEqualTo(kdf.salt());
      assertThat(decode(body.get("verifier"))).isEqualTo(verifier);
      JsonNode version = body.get("keys").get(0).get("versions").get(0);
      assertThat(body.get("keys").get(0).get("key_id").asLong()).isEqualTo(1);
      assertThat(version.get("version").asLong()).isEqualTo(1);
      assertThat(version.get("state").asText()).isEqualTo("active");
      try (SecretBytes unwrapped =
          WRAPPER.unwrap(
              kek,
              decode(version.get("wrapped")),
              WrapContext.keyVersion("round", "db1/default", "1", 1))) {
        assertThat(unwrapped.contentEquals(key)).isTrue();
      }
    }
  }

  @Test
  void putKeyring_twice_is409_andKeepsTheFirst() {
    TestLocker.Agent agent = locker.enrolledAgent("twice", "db1");
    agent.call("PUT", "/v1/agent/keyring", json(keyring(Map.of(1L, List.of(blob())))));
    JsonNode first = agent.call("GET", "/v1/agent/keyring", null).json();

    ApiResponse again =
        agent.call("PUT", "/v1/agent/keyring", json(keyring(Map.of(1L, List.of(blob())))));

    assertThat(again.status()).isEqualTo(409);
    assertThat(agent.call("GET", "/v1/agent/keyring", null).json()).isEqualTo(first);
  }

  @Test
  void putKeyring_breakingARule_is400_namingIt() {
    TestLocker.Agent agent = locker.enrolledAgent("rules", "db1");
    byte[] oversized = oversizedBlob();
    Map<String, Object> shortSalt = keyring(Map.of(1L, List.of(blob())));
    Map<String, Object> kdf = kdfJson(KdfParameters.recommended(RANDOM));
    kdf.put("salt", encode(new byte[8]));
    shortSalt.put("kdf", kdf);

    assertThat(
            message(
                agent.call(
                    "PUT", "/v1/agent/keyring", json(keyring(Map.of(1L, List.of(oversized)))))))
        .isEqualTo("keys[0].versions[0].wrapped: wrapped key must be 1 to 4125 bytes");
    assertThat(
            message(
                agent.call("PUT", "/v1/agent/keyring", json(keyring(Map.of(2L, List.of(blob())))))))
        .isEqualTo("keys must contain key_id 1 with version 1");
    assertThat(message(agent.call("PUT", "/v1/agent/keyring", json(shortSalt))))
        .isEqualTo("kdf: salt must be 16 to 64 bytes");
    assertThat(message(agent.call("PUT", "/v1/agent/keyring", "{\"format_version\":1}")))
        .isEqualTo("field 'kdf' is required");
    assertThat(agent.call("GET", "/v1/agent/keyring", null).status()).isEqualTo(404);
  }

  @Test
  void addVersion_acceptsOnlyTheNextVersion() {
    TestLocker.Agent agent = locker.enrolledAgent("versions", "db1");
    agent.call("PUT", "/v1/agent/keyring", json(keyring(Map.of(1L, List.of(blob(), blob())))));

    ApiResponse third = addVersion(agent, 1, 3);
    ApiResponse thirdAgain = addVersion(agent, 1, 3);
    ApiResponse gap = addVersion(agent, 1, 5);
    ApiResponse newKey = addVersion(agent, 7, 1);
    ApiResponse newKeyAtTwo = addVersion(agent, 8, 2);

    assertThat(third.status()).isEqualTo(201);
    assertThat(third.json().get("key_id").asLong()).isEqualTo(1);
    assertThat(third.json().get("version").asLong()).isEqualTo(3);
    assertThat(third.json().get("state").asText()).isEqualTo("active");
    assertThat(thirdAgain.status()).isEqualTo(409);
    assertThat(gap.status()).isEqualTo(409);
    assertThat(gap.errorMessage()).isEqualTo("next version of key_id 1 must be 4");
    assertThat(newKey.status()).isEqualTo(201);
    assertThat(newKeyAtTwo.status()).isEqualTo(409);
    JsonNode keys = agent.call("GET", "/v1/agent/keyring", null).json().get("keys");
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).get("versions")).hasSize(3);
    assertThat(keys.get(1).get("key_id").asLong()).isEqualTo(7);
  }

  @Test
  void addVersion_withOversizedBlobOrBadKeyId_is400() {
    TestLocker.Agent agent = locker.enrolledAgent("limits", "db1");
    agent.call("PUT", "/v1/agent/keyring", json(keyring(Map.of(1L, List.of(blob())))));
    byte[] oversized = oversizedBlob();

    ApiResponse tooBig =
        agent.call(
            "POST",
            "/v1/agent/keyring/keys/1/versions",
            json(Map.of("version", 2, "wrapped", encode(oversized))));
    ApiResponse badId =
        agent.call(
            "POST",
            "/v1/agent/keyring/keys/4294967296/versions",
            json(Map.of("version", 1, "wrapped", encode(blob()))));
    ApiResponse notBase64 =
        agent.call(
            "POST",
            "/v1/agent/keyring/keys/1/versions",
            json(Map.of("version", 2, "wrapped", "***")));

    assertThat(tooBig.status()).isEqualTo(400);
    assertThat(tooBig.errorMessage()).isEqualTo("wrapped: wrapped key must be 1 to 4125 bytes");
    assertThat(badId.status()).isEqualTo(400);
    assertThat(notBase64.errorMessage()).isEqualTo("field 'wrapped' must be standard base64");
    assertThat(addVersion(agent, 1, 2).status()).isEqualTo(201);
  }

  @Test
  void heartbeat_recordsStateAndTime() {
    TestLocker.Agent agent = locker.enrolledAgent("beat", "db1");

    ApiResponse response =
        agent.call("POST", "/v1/agent/heartbeat", json(Map.of("state", "unlocked")));
    ApiResponse invalid =
        agent.call("POST", "/v1/agent/heartbeat", json(Map.of("state", "asleep")));

    assertThat(response.status()).isEqualTo(200);
    String serverTime = response.json().get("server_time").asText();
    JsonNode server =
        locker.admin("GET", "/v1/admin/tenants/beat/servers", null).json().get("servers").get(0);
    assertThat(server.get("agent_state").asText()).isEqualTo("unlocked");
    assertThat(server.get("last_seen_at").asText()).isEqualTo(serverTime);
    assertThat(invalid.status()).isEqualTo(400);
  }

  @Test
  void adminKeyringMetadata_listsVersionsButNoKeyMaterial() {
    TestLocker.Agent agent = locker.enrolledAgent("meta", "db1");
    byte[] first = blob();
    byte[] second = blob();
    agent.call("PUT", "/v1/agent/keyring", json(keyring(Map.of(1L, List.of(first, second)))));

    ApiResponse metadata = locker.admin("GET", "/v1/admin/tenants/meta/servers/db1/keyring", null);
    JsonNode listed =
        locker.admin("GET", "/v1/admin/tenants/meta/servers", null).json().get("servers").get(0);

    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.json().get("keyring").asText()).isEqualTo("default");
    assertThat(metadata.json().get("kdf").get("algorithm").asText()).isEqualTo("argon2id");
    assertThat(metadata.json().get("keys").get(0).get("versions")).hasSize(2);
    assertThat(metadata.body())
        .doesNotContain("wrapped", "salt", "verifier", encode(first), encode(second));
    assertThat(listed.get("keyring").get("initialized").asBoolean()).isTrue();
    assertThat(listed.get("keyring").get("keys").asInt()).isEqualTo(1);
    assertThat(listed.get("keyring").get("versions").asInt()).isEqualTo(2);
  }

  private static ApiResponse addVersion(TestLocker.Agent agent, long keyId, long version) {
    return agent.call(
        "POST",
        "/v1/agent/keyring/keys/" + keyId + "/versions",
        json(Map.of("version", version, "wrapped", encode(blob()))));
  }

  private static String message(ApiResponse response) {
    assertThat(response.status()).isEqualTo(400);
    return response.errorMessage();
  }
}
