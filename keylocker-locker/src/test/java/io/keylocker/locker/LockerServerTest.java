package io.keylocker.locker;

import static io.keylocker.locker.TestLocker.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.crypto.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockerServerTest {
  @TempDir Path temp;

  @Test
  void firstStart_createsDataDirectoryAndFilesWithRestrictiveModes() throws Exception {
    Path data = temp.resolve("new/data");
    try (TestLocker locker = TestLocker.start(data)) {
      assertThat(mode(data)).isEqualTo("rwx------");
      assertThat(mode(data.resolve("admin-token"))).isEqualTo("rw-------");
      assertThat(mode(data.resolve("ca-key.pem"))).isEqualTo("rw-------");
      assertThat(mode(data.resolve("server.pem"))).isEqualTo("rw-------");
      assertThat(mode(data.resolve("keylocker.db"))).isEqualTo("rw-------");
      assertThat(mode(data.resolve("ca.pem"))).isEqualTo("rw-r--r--");
      assertThat(locker.adminToken).matches("kla_[A-Za-z0-9_-]{43}");
      assertThat(Pem.certificate(Files.readString(data.resolve("ca.pem"))))
          .isEqualTo(locker.server.caCertificate());
      assertThat(locker.server.address()).isEqualTo("https://127.0.0.1:" + locker.server.port());
      assertThat(locker.server.dataDir()).isEqualTo(data.toAbsolutePath());
    }
    assertThat(databaseFilesContain(data, "kla_")).isFalse();
  }

  @Test
  void restart_keepsCaAdminTokenServerCertificateAndData() throws Exception {
    Path data = temp.resolve("data");
    X509Certificate ca;
    String token;
    byte[] serverPem;
    try (TestLocker first = TestLocker.start(data)) {
      first.admin("POST", "/v1/admin/tenants", json(Map.of("name", "kept")));
      ca = first.server.caCertificate();
      token = first.adminToken;
      serverPem = Files.readAllBytes(data.resolve("server.pem"));
    }

    try (TestLocker second = TestLocker.start(data)) {
      assertThat(second.server.caCertificate()).isEqualTo(ca);
      assertThat(second.adminToken).isEqualTo(token);
      assertThat(Files.readAllBytes(data.resolve("server.pem"))).isEqualTo(serverPem);
      assertThat(
              second
                  .admin("GET", "/v1/admin/tenants", null)
                  .json()
                  .get("tenants")
                  .get(0)
                  .get("name")
                  .asText())
          .isEqualTo("kept");
    }
  }

  @Test
  void restart_withNewHostname_reissuesOnlyTheServerCertificate() throws Exception {
    Path data = temp.resolve("data");
    X509Certificate ca;
    try (LockerServer first = LockerServer.start(LockerConfig.of(data, "127.0.0.1", 0))) {
      ca = first.caCertificate();
    }

    LockerConfig renamed =
        new LockerConfig(data, "127.0.0.1", 0, List.of("locker.example.com"), Clock.systemUTC());
    try (LockerServer second = LockerServer.start(renamed)) {
      X509Certificate server = Pem.certificate(Files.readString(data.resolve("server.pem")));
      assertThat(second.caCertificate()).isEqualTo(ca);
      assertThat(server.getSubjectAlternativeNames())
          .contains(List.of(2, "locker.example.com"), List.of(2, "localhost"));
    }
  }

  @Test
  void unexpectedFailure_is500_withOnlyARequestId() throws Exception {
    Path data = temp.resolve("data");
    try (TestLocker locker = TestLocker.start(data);
        Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + data.resolve("keylocker.db"));
        Statement statement = connection.createStatement()) {
      statement.execute("ALTER TABLE tenants RENAME TO renamed_tenants");

      ApiResponse response = locker.admin("GET", "/v1/admin/tenants", null);

      assertThat(response.status()).isEqualTo(500);
      assertThat(response.errorCode()).isEqualTo("INTERNAL");
      String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
      assertThat(response.errorMessage())
          .isEqualTo("internal error (request id " + requestId + ")");
      assertThat(response.body()).doesNotContainIgnoringCase("sql").doesNotContain("tenants");
    }
  }

  @Test
  void config_reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () -> new LockerConfig(null, "not a host", 70_000, List.of("bad name"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data directory is required")
        .hasMessageContaining("listen host must be a host name or an IP address")
        .hasMessageContaining("port must be between 0 and 65535, got 70000")
        .hasMessageContaining("hostname 'bad name'")
        .hasMessageContaining("clock is required");
  }

  @Test
  void config_onWildcardAddress_needsAHostnameToAdvertise() {
    assertThatThrownBy(() -> LockerConfig.of(temp, "0.0.0.0", 8443))
        .hasMessageContaining("wildcard address needs --hostname");

    LockerConfig config =
        new LockerConfig(temp, "0.0.0.0", 8443, List.of("locker.example.com"), Clock.systemUTC());

    assertThat(config.advertisedHost()).isEqualTo("locker.example.com");
    assertThat(config.certificateNames())
        .containsExactly("locker.example.com", "localhost", "127.0.0.1", "::1");
  }

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static boolean databaseFilesContain(Path data, String text) throws Exception {
    try (var files = Files.list(data)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("keylocker.db")).toList()) {
        if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text)) {
          return true;
        }
      }
    }
    return false;
  }
}
