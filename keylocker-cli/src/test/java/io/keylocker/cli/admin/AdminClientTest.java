package io.keylocker.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.keylocker.cli.CliException;
import io.keylocker.cli.ExitStatus;
import io.keylocker.testing.FreePorts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdminClientTest {
  private static final String TOKEN = "kl-admin-0123456789abcdef";
  private final FakeLocker locker = new FakeLocker();

  @AfterEach
  void stop() {
    locker.close();
  }

  private AdminClient client() {
    return client(locker.address(), locker);
  }

  private static AdminClient client(URI address, FakeLocker trusted) {
    return new AdminClient(new AdminConnection(address, trusted.caCertificate(), AdminToken.of(TOKEN, "test")));
  }

  @Test
  void createTenant_postsTheNameWithTheBearerToken_andKeepsTheAnswerAsReceived() {
    String answer = "{\"name\":\"acme\",\"created_at\":\"2026-12-03T16:18:00Z\"}";
    locker.answer("POST /v1/admin/tenants", 201, answer);

    try (AdminClient client = client()) {
      LockerAnswer result = client.createTenant("acme");
      assertThat(result.body()).isEqualTo(answer);
      assertThat(result.json().path("name").asText()).isEqualTo("acme");
    }

    FakeLocker.Request request = locker.requests().getFirst();
    assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.body()).isEqualTo("{\"name\":\"acme\"}");
  }

  @Test
  void addServer_sendsTheTokenLifetimeInSeconds() {
    locker.answer("POST /v1/admin/tenants/acme/servers", 201, "{\"enrollment_token\":\"kle1.x\"}");
    try (AdminClient client = client()) {
      client.addServer("acme", "db1", Optional.of(Duration.ofMinutes(30)));
    }
    assertThat(locker.requests().getFirst().body()).isEqualTo("{\"name\":\"db1\",\"token_ttl_seconds\":1800}");
  }

  @Test
  void addServer_withoutLifetime_leavesTheDefaultToTheLocker() {
    locker.answer("POST /v1/admin/tenants/acme/servers", 201, "{}");
    try (AdminClient client = client()) {
      client.addServer("acme", "db1", Optional.empty());
    }
    assertThat(locker.requests().getFirst().body()).isEqualTo("{\"name\":\"db1\"}");
  }

  @Test
  void readsAndReissues_useTheDocumentedPaths() {
    locker.answer("GET /v1/admin/tenants", 200, "{\"tenants\":[]}");
    locker.answer("GET /v1/admin/tenants/acme/servers", 200, "{\"servers\":[]}");
    locker.answer("GET /v1/admin/tenants/acme/servers/db1/keyring", 200, "{\"keys\":[]}");
    locker.answer("POST /v1/admin/tenants/acme/servers/db1/enrollment-token", 201, "{}");
    try (AdminClient client = client()) {
      client.listTenants();
      client.listServers("acme");
      client.keyring("acme", "db1");
      client.issueEnrollmentToken("acme", "db1", Optional.of(Duration.ofHours(2)));
    }
    assertThat(locker.requests())
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly(
            "GET /v1/admin/tenants",
            "GET /v1/admin/tenants/acme/servers",
            "GET /v1/admin/tenants/acme/servers/db1/keyring",
            "POST /v1/admin/tenants/acme/servers/db1/enrollment-token");
    assertThat(locker.requests().getLast().body()).isEqualTo("{\"token_ttl_seconds\":7200}");
  }

  @ParameterizedTest
  @CsvSource({
    "400, BAD_REQUEST, 1",
    "401, UNAUTHENTICATED, 4",
    "403, FORBIDDEN, 4",
    "404, NOT_FOUND, 5",
    "409, CONFLICT, 1",
    "410, GONE, 1",
    "413, PAYLOAD_TOO_LARGE, 1",
    "500, INTERNAL, 1"
  })
  void errorAnswers_mapToTheDocumentedExitCode_withTheLockersMessage(int status, String code, int exit) {
    locker.error("POST /v1/admin/tenants", status, code, "the locker says no");
    try (AdminClient client = client()) {
      assertThatThrownBy(() -> client.createTenant("acme"))
          .asInstanceOf(type(CliException.class))
          .satisfies(e -> assertThat(e.getExitCode()).isEqualTo(exit))
          .satisfies(e -> assertThat(e.getMessage()).startsWith("the locker says no"));
    }
  }

  @Test
  void errorAnswer_withoutErrorBody_namesTheStatus() {
    locker.answer("GET /v1/admin/tenants", 502, "<html>bad gateway</html>");
    try (AdminClient client = client()) {
      assertThatThrownBy(client::listTenants)
          .isInstanceOf(CliException.class)
          .hasMessage("the locker answered HTTP 502");
    }
  }

  @Test
  void lockersMessage_cannotInjectTerminalControlOrExtraLines() {
    locker.error("GET /v1/admin/tenants", 409, "CONFLICT", "bad\\u001b[2J\\nkeylocker: forged");
    try (AdminClient client = client()) {
      assertThatThrownBy(client::listTenants)
          .isInstanceOf(CliException.class)
          .hasMessage("bad?[2J?keylocker: forged");
    }
  }

  @Test
  void successAnswer_thatIsNotJson_isRefused() {
    locker.answer("GET /v1/admin/tenants", 200, "hello");
    try (AdminClient client = client()) {
      assertThatThrownBy(client::listTenants)
          .asInstanceOf(type(CliException.class))
          .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.FAILED))
          .satisfies(e -> assertThat(e.getMessage()).contains("not a Keylocker locker's JSON"));
    }
  }

  @Test
  void closedPort_isUnreachable_namingTheAddress() {
    URI nobody = URI.create("https://127.0.0.1:" + FreePorts.next());
    try (AdminClient client = client(nobody, locker)) {
      assertThatThrownBy(client::listTenants)
          .asInstanceOf(type(CliException.class))
          .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.UNREACHABLE))
          .satisfies(e -> assertThat(e.getMessage()).isEqualTo("cannot reach the locker at " + nobody + " (connection refused)"));
    }
  }

  @Test
  void lockerSignedByAnotherCa_isNotTrusted_andPointsAtCacert() {
    try (FakeLocker stranger = new FakeLocker(); AdminClient client = client(locker.address(), stranger)) {
      assertThatThrownBy(client::listTenants)
          .asInstanceOf(type(CliException.class))
          .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.UNREACHABLE))
          .satisfies(e -> assertThat(e.getMessage()).contains("certificate was not trusted").contains("--cacert"));
    }
    assertThat(locker.requests()).isEmpty();
  }

  @Test
  void certificateForAnotherHost_failsHostnameVerification() {
    try (FakeLocker elsewhere = new FakeLocker(List.of("locker.example")); AdminClient client = client(elsewhere.address(), elsewhere)) {
      assertThatThrownBy(client::listTenants)
          .asInstanceOf(type(CliException.class))
          .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.UNREACHABLE))
          .satisfies(e -> assertThat(e.getMessage()).contains("not valid for the host 127.0.0.1"));
      assertThat(elsewhere.requests()).isEmpty();
    }
  }

  @Test
  void namesThatCouldLeaveTheirPathSegment_areRejectedBeforeAnyRequest() {
    try (AdminClient client = client()) {
      for (String name : List.of("..", "../x", "a/b", "a?b", "A", "", "a%2f")) {
        assertThatThrownBy(() -> client.listServers(name))
            .asInstanceOf(type(CliException.class))
            .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE));
      }
    }
    assertThat(locker.requests()).isEmpty();
  }
}
