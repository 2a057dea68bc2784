package io.keylocker.locker;

import static io.keylocker.locker.TestLocker.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.crypto.pki.KeyPairs;
import io.keylocker.crypto.pki.Pem;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentApiTest {
  @TempDir static Path dataDir;
  static TestLocker locker;
  static final SecureRandom RANDOM = new SecureRandom();

  @BeforeAll
  static void start() throws IOException {
    locker = TestLocker.start(dataDir);
  }

  @AfterAll
  static void stop() {
    locker.close();
  }

  @Test
  void enroll_withValidTokenAndCsr_issuesClientCertificateAndMarksServerEnrolled()
      throws Exception {
    String secret = secretOf(locker.addServer("acme", "db1"));
    KeyPair pair = KeyPairs.ecP256(RANDOM);

    ApiResponse response = enroll(secret, TestLocker.csr(pair));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().get("tenant").asText()).isEqualTo("acme");
    assertThat(response.json().get("server").asText()).isEqualTo("db1");
    X509Certificate certificate = Pem.certificate(response.json().get("certificate").asText());
    assertThat(certificate.getPublicKey()).isEqualTo(pair.getPublic());
    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=acme/db1");
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    certificate.verify(locker.server.caCertificate().getPublicKey());
    assertThat(Duration.between(locker.clock.instant(), certificate.getNotAfter().toInstant()))
        .isBetween(Duration.ofDays(89), Duration.ofDays(90));
    assertThat(response.json().get("expires_at").asText())
        .isEqualTo(certificate.getNotAfter().toInstant().toString());
    assertThat(Pem.certificate(response.json().get("ca").asText()))
        .isEqualTo(locker.server.caCertificate());
    JsonNode server = db1Of("acme");
    assertThat(server.get("state").asText()).isEqualTo("enrolled");
    assertThat(server.get("enrolled_at").isNull()).isFalse();
    assertThat(server.get("certificate_fingerprint").asText())
        .isEqualTo(Fingerprints.sha256(certificate));
    assertThat(server.get("certificate_expires_at").asText())
        .isEqualTo(response.json().get("expires_at").asText());
  }

  @Test
  void enroll_twiceWithTheSameToken_is410_andKeepsTheFirstCertificate() {
    String secret = secretOf(locker.addServer("reuse", "db1"));
    enroll(secret, TestLocker.csr(KeyPairs.ecP256(RANDOM)));
    String fingerprint = db1Of("reuse").get("certificate_fingerprint").asText();

    ApiResponse again = enroll(secret, TestLocker.csr(KeyPairs.ecP256(RANDOM)));

    assertThat(again.status()).isEqualTo(410);
    assertThat(again.errorCode()).isEqualTo("GONE");
    assertThat(db1Of("reuse").get("certificate_fingerprint").asText()).isEqualTo(fingerprint);
  }

  @Test
  void enroll_concurrentlyWithTheSameToken_succeedsExactlyOnce() throws Exception {
    String secret = secretOf(locker.addServer("race", "db1"));
    List<Future<Integer>> attempts = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 8; i++) {
        String csr = TestLocker.csr(KeyPairs.ecP256(RANDOM));
        attempts.add(threads.submit(() -> enroll(secret, csr).status()));
      }
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> attempt : attempts) {
      statuses.add(attempt.get());
    }

    assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 410);
  }

  @Test
  void enroll_afterExpiry_is410_andLeavesTheServerPending() {
    locker.admin("POST", "/v1/admin/tenants", json(Map.of("name", "late")));
    String secret =
        secretOf(
            locker.admin(
                "POST",
                "/v1/admin/tenants/late/servers",
                json(Map.of("name", "db1", "token_ttl_seconds", 60))));
    locker.clock.advance(Duration.ofSeconds(61));

    ApiResponse response = enroll(secret, TestLocker.csr(KeyPairs.ecP256(RANDOM)));

    assertThat(response.status()).isEqualTo(410);
    assertThat(response.errorMessage()).isEqualTo("enrollment token has expired");
    assertThat(db1Of("late").get("state").asText()).isEqualTo("pending");
  }

  @Test
  void enroll_withUnknownSecret_is401_withoutEchoingIt() {
    ApiResponse response = enroll("garbage-secret-value", TestLocker.csr(KeyPairs.ecP256(RANDOM)));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorMessage()).isEqualTo("enrollment token is invalid");
    assertThat(response.body()).doesNotContain("garbage-secret-value");
  }

  @Test
  void enroll_withUnacceptableCsr_is400_andTheTokenStaysUsable() throws GeneralSecurityException {
    String secret = secretOf(locker.addServer("csr", "db1"));
    KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
    p384.initialize(new ECGenParameterSpec("secp384r1"), RANDOM);

    ApiResponse garbage =
        enroll(
            secret,
            "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n");
    ApiResponse wrongCurve = enroll(secret, TestLocker.csr(p384.generateKeyPair()));

    assertThat(garbage.status()).isEqualTo(400);
    assertThat(wrongCurve.status()).isEqualTo(400);
    assertThat(wrongCurve.errorMessage()).isEqualTo("csr key must be an EC P-256 key");
    assertThat(db1Of("csr").get("state").asText()).isEqualTo("pending");
    assertThat(enroll(secret, TestLocker.csr(KeyPairs.ecP256(RANDOM))).status()).isEqualTo(201);
  }

  @Test
  void enroll_withMissingField_is400() {
    ApiResponse response =
        locker.anonymous("POST", "/v1/agent/enroll", json(Map.of("secret", "x")));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage()).isEqualTo("field 'csr' is required");
  }

  private static ApiResponse enroll(String secret, String csr) {
    return locker.anonymous("POST", "/v1/agent/enroll", json(Map.of("secret", secret, "csr", csr)));
  }

  private static String secretOf(ApiResponse added) {
    assertThat(added.status()).isEqualTo(201);
    return TestLocker.decodeToken(added.json().get("enrollment_token").asText())
        .get("secret")
        .asText();
  }

  /** How the admin API lists server db1 of {@code tenant}. */
  private static JsonNode db1Of(String tenant) {
    return locker.named("/v1/admin/tenants/" + tenant + "/servers", "servers", "db1");
  }
}
