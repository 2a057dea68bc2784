package io.keylocker.locker;

import static io.keylocker.locker.TestLocker.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.crypto.pki.KeyPairs;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminApiTest extends LockerPerClass {
  static final String RFC_3339_SECONDS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
  @Test
  void adminCall_withoutToken_is401() {
    ApiResponse response = locker.anonymous("GET", "/v1/admin/tenants", null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void adminCall_withWrongToken_is401_andChangesNothing() {
    ApiResponse response =
        locker.send(
            locker.client(Optional.empty()),
            "POST",
            "/v1/admin/tenants",
            json(Map.of("name", "intruder")),
            Optional.of(locker.adminToken + "x"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorMessage()).doesNotContain(locker.adminToken);
    assertThat(locker.names("/v1/admin/tenants", "tenants")).doesNotContain("intruder");
  }

  @Test
  void createTenant_returns201_andIsListedWithItsServerCount() {
    ApiResponse created = locker.admin("POST", "/v1/admin/tenants", json(Map.of("name", "acme")));
    locker.admin("POST", "/v1/admin/tenants/acme/servers", json(Map.of("name", "db1")));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("name").asText()).isEqualTo("acme");
    assertThat(created.json().get("created_at").asText()).matches(RFC_3339_SECONDS);
    JsonNode acme = locker.named("/v1/admin/tenants", "tenants", "acme");
    assertThat(acme.get("servers").asInt()).isEqualTo(1);
  }

  @Test
  void createTenant_twice_is409() {
    locker.admin("POST", "/v1/admin/tenants", json(Map.of("name", "twice")));

    ApiResponse again = locker.admin("POST", "/v1/admin/tenants", json(Map.of("name", "twice")));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.errorCode()).isEqualTo("CONFLICT");
  }

  @Test
  void createTenant_withBadName_is400_namingTheRule() {
    ApiResponse response =
        locker.admin("POST", "/v1/admin/tenants", json(Map.of("name", "Bad Name")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorCode()).isEqualTo("BAD_REQUEST");
    assertThat(response.errorMessage()).contains("tenant name must match");
  }

  @Test
  void createTenant_withoutName_is400_namingTheField() {
    ApiResponse response = locker.admin("POST", "/v1/admin/tenants", "{}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage()).isEqualTo("field 'name' is required");
  }

  @Test
  void addServer_returnsEnrollmentTokenPointingAtThisLocker() {
    locker.admin("POST", "/v1/admin/tenants", json(Map.of("name", "tok")));

    ApiResponse response =
        locker.admin(
            "POST",
            "/v1/admin/tenants/tok/servers",
            json(Map.of("name", "db1", "token_ttl_seconds", 600)));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("tenant").asText()).isEqualTo("tok");
    assertThat(response.json().get("server").asText()).isEqualTo("db1");
    assertThat(Instant.parse(response.json().get("expires_at").asText()))
        .isEqualTo(locker.clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(600));
    String token = response.json().get("enrollment_token").asText();
    assertThat(token).startsWith("kle1.").doesNotContain("=");
    JsonNode decoded = TestLocker.decodeToken(token);
    assertThat(decoded.get("v").asInt()).isEqualTo(1);
    assertThat(decoded.get("addr").asText()).isEqualTo(locker.server.address());
    assertThat(decoded.get("ca").asText())
        .isEqualTo(Fingerprints.sha256(locker.server.caCertificate()));
    assertThat(decoded.get("tenant").asText()).isEqualTo("tok");
    assertThat(decoded.get("server").asText()).isEqualTo("db1");
    assertThat(Base64.getUrlDecoder().decode(decoded.get("secret").asText())).hasSize(32);
  }

  @Test
  void addServer_errors() {
    locker.admin("POST", "/v1/admin/tenants", json(Map.of("name", "errs")));
    locker.admin("POST", "/v1/admin/tenants/errs/servers", json(Map.of("name", "db1")));

    assertThat(
            locker
                .admin("POST", "/v1/admin/tenants/nobody/servers", json(Map.of("name", "db1")))
                .status())
        .isEqualTo(404);
    assertThat(
            locker
                .admin("POST", "/v1/admin/tenants/errs/servers", json(Map.of("name", "db1")))
                .status())
        .isEqualTo(409);
    assertThat(
            locker
                .admin("POST", "/v1/admin/tenants/errs/servers", json(Map.of("name", "-db")))
                .status())
        .isEqualTo(400);
    ApiResponse badTtl =
        locker.admin(
            "POST",
            "/v1/admin/tenants/errs/servers",
            json(Map.of("name", "db2", "token_ttl_seconds", 59)));
    assertThat(badTtl.status()).isEqualTo(400);
    assertThat(badTtl.errorMessage()).contains("token_ttl_seconds");
    assertThat(locker.names("/v1/admin/tenants/errs/servers", "servers")).containsExactly("db1");
  }

  @Test
  void listServers_showsPendingServerWithoutKeyring() {
    locker.addServer("fleet", "db1");

    ApiResponse response = locker.admin("GET", "/v1/admin/tenants/fleet/servers", null);

    assertThat(response.status()).isEqualTo(200);
    JsonNode server = response.json().get("servers").get(0);
    assertThat(server.get("name").asText()).isEqualTo("db1");
    assertThat(server.get("state").asText()).isEqualTo("pending");
    assertThat(server.get("enrolled_at").isNull()).isTrue();
    assertThat(server.get("certificate_fingerprint").isNull()).isTrue();
    assertThat(server.get("agent_state").isNull()).isTrue();
    assertThat(server.get("keyring").get("initialized").asBoolean()).isFalse();
    assertThat(locker.admin("GET", "/v1/admin/tenants/nobody/servers", null).status())
        .isEqualTo(404);
  }

  @Test
  void reissueToken_invalidatesTheEarlierToken() {
    String first = locker.addServer("again", "db1").json().get("enrollment_token").asText();

    ApiResponse reissued =
        locker.admin("POST", "/v1/admin/tenants/again/servers/db1/enrollment-token", "");
    ApiResponse oldUse = enrollWith(first);

    assertThat(reissued.status()).isEqualTo(201);
    assertThat(reissued.json().get("enrollment_token").asText()).isNotEqualTo(first);
    assertThat(oldUse.status()).isEqualTo(410);
    assertThat(enrollWith(reissued.json().get("enrollment_token").asText()).status())
        .isEqualTo(201);
    assertThat(
            locker
                .admin("POST", "/v1/admin/tenants/again/servers/db1/enrollment-token", "{}")
                .status())
        .isEqualTo(409);
    assertThat(
            locker
                .admin("POST", "/v1/admin/tenants/again/servers/nope/enrollment-token", "{}")
                .status())
        .isEqualTo(404);
  }

  @Test
  void keyringMetadata_ofServerWithoutKeyring_is404() {
    locker.addServer("meta", "db1");

    ApiResponse response = locker.admin("GET", "/v1/admin/tenants/meta/servers/db1/keyring", null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.errorCode()).isEqualTo("NOT_FOUND");
  }

  private ApiResponse enrollWith(String token) {
    String secret = TestLocker.decodeToken(token).get("secret").asText();
    String csr = TestLocker.csr(KeyPairs.ecP256(new SecureRandom()));
    return locker.anonymous("POST", "/v1/agent/enroll", json(Map.of("secret", secret, "csr", csr)));
  }
}
