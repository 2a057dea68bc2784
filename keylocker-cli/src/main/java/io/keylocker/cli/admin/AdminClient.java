package io.keylocker.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keylocker.cli.CliException;
import io.keylocker.cli.ExitStatus;
import io.keylocker.cli.SafeText;
import io.keylocker.crypto.pki.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLParameters;

/**
 * A client of the locker's admin API (docs/api.md) over HTTPS: TLS 1.3 or 1.2, trusting only the
 * configured CA, with host name verification, 10 s to connect and 10 s for each answer. Every
 * method returns the locker's answer (an empty body and an empty object for 204 No Content) or
 * throws a {@link CliException} from {@link LockerErrors}.
 */
public final class AdminClient implements AutoCloseable {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

  private final AdminConnection connection;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public AdminClient(AdminConnection connection) {
    this.connection = connection;
    SSLParameters tls = new SSLParameters();
    tls.setProtocols(TlsContexts.PROTOCOLS.toArray(String[]::new));
    tls.setEndpointIdentificationAlgorithm("HTTPS");
    this.http =
        HttpClient.newBuilder()
            .sslContext(TlsContexts.client(connection.trustedCa(), Optional.empty()))
            .sslParameters(tls)
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public LockerAnswer createTenant(String tenant) {
    return post("/v1/admin/tenants", json.createObjectNode().put("name", name(tenant)));
  }

  public LockerAnswer listTenants() {
    return get("/v1/admin/tenants");
  }

  public LockerAnswer addServer(String tenant, String server, Optional<Duration> tokenTtl) {
    ObjectNode body = json.createObjectNode().put("name", name(server));
    tokenTtl.ifPresent(ttl -> body.put("token_ttl_seconds", ttl.toSeconds()));
    return post("/v1/admin/tenants/" + name(tenant) + "/servers", body);
  }

  public LockerAnswer issueEnrollmentToken(String tenant, String server, Optional<Duration> tokenTtl) {
    ObjectNode body = json.createObjectNode();
    tokenTtl.ifPresent(ttl -> body.put("token_ttl_seconds", ttl.toSeconds()));
    return post("/v1/admin/tenants/" + name(tenant) + "/servers/" + name(server) + "/enrollment-token", body);
  }

  public LockerAnswer revokeServer(String tenant, String server, String reason) {
    return post(
        "/v1/admin/tenants/" + name(tenant) + "/servers/" + name(server) + "/revoke",
        json.createObjectNode().put("reason", reason));
  }

  public LockerAnswer listServers(String tenant) {
    return get("/v1/admin/tenants/" + name(tenant) + "/servers");
  }

  public LockerAnswer keyring(String tenant, String server) {
    return get(keyringPath(tenant, server));
  }

  /** Queues a rotation of one key, or of every key of the keyring; the agent carries it out. */
  public LockerAnswer rotate(String tenant, String server, OptionalLong keyId) {
    ObjectNode body = json.createObjectNode();
    keyId.ifPresent(id -> body.put("key_id", id));
    return post(keyringPath(tenant, server) + "/rotate", body);
  }

  /** Schedules the destruction of a version after {@code grace}, or after the policy's grace. */
  public LockerAnswer scheduleDestroy(String tenant, String server, KeyVersion version, Optional<Duration> grace) {
    ObjectNode body = json.createObjectNode();
    grace.ifPresent(g -> body.put("grace_seconds", g.toSeconds()));
    return post(versionPath(tenant, server, version) + "/destroy", body);
  }

  /** Cancels a scheduled destruction that has not run yet; the locker answers 204 (no body). */
  public LockerAnswer cancelDestroy(String tenant, String server, KeyVersion version) {
    return send(request(versionPath(tenant, server, version) + "/destroy").DELETE().build());
  }

  /** Schedules the destruction of every version of a revoked server's keyring. */
  public LockerAnswer scheduleKeyringDestroy(String tenant, String server, Optional<Duration> grace) {
    ObjectNode body = json.createObjectNode();
    grace.ifPresent(g -> body.put("grace_seconds", g.toSeconds()));
    return post(keyringPath(tenant, server) + "/destroy", body);
  }

  /** Cancels a scheduled keyring destruction that has not run yet; 204 (no body). */
  public LockerAnswer cancelKeyringDestroy(String tenant, String server) {
    return send(request(keyringPath(tenant, server) + "/destroy").DELETE().build());
  }

  public LockerAnswer markCompromised(String tenant, String server, KeyVersion version, String reason) {
    return post(versionPath(tenant, server, version) + "/compromise", json.createObjectNode().put("reason", reason));
  }

  public LockerAnswer setPolicy(String tenant, String server, KeyringPolicy policy) {
    ObjectNode body =
        json.createObjectNode()
            .put("cryptoperiod_days", policy.cryptoperiodDays())
            .put("destroy_grace_days", policy.destroyGraceDays());
    return send(withBody(request(keyringPath(tenant, server) + "/policy"), "PUT", body));
  }

  private static String keyringPath(String tenant, String server) {
    return "/v1/admin/tenants/" + name(tenant) + "/servers/" + name(server) + "/keyring";
  }

  private static String versionPath(String tenant, String server, KeyVersion version) {
    return keyringPath(tenant, server) + "/keys/" + version.keyId() + "/versions/" + version.version();
  }

  private LockerAnswer get(String path) {
    return send(request(path).GET().build());
  }

  private LockerAnswer post(String path, JsonNode body) {
    return send(withBody(request(path), "POST", body));
  }

  private static HttpRequest withBody(HttpRequest.Builder request, String method, JsonNode body) {
    return request
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
        .build();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(connection.address() + path))
        .timeout(TIMEOUT)
        .header("Accept", "application/json")
        .header("Authorization", connection.token().authorizationHeader());
  }

  private LockerAnswer send(HttpRequest request) {
    HttpResponse<InputStream> response;
    String body;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
        if (bytes.length > MAX_ANSWER_BYTES) {
          throw new CliException(ExitStatus.FAILED, "the locker's answer is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        body = new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw LockerErrors.forFailure(e, connection.address());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitStatus.FAILED, "interrupted while waiting for the locker");
    }
    if (response.statusCode() / 100 != 2) {
      throw LockerErrors.forAnswer(response.statusCode(), body, json);
    }
    if (response.statusCode() == 204) {
      return new LockerAnswer("", json.createObjectNode());
    }
    try {
      JsonNode parsed = json.readTree(body);
      if (parsed == null || !parsed.isObject()) {
        throw LockerErrors.unexpectedBody(connection.address());
      }
      return new LockerAnswer(body, parsed);
    } catch (IOException e) {
      throw LockerErrors.unexpectedBody(connection.address());
    }
  }

  /** Names become path segments; only names that docs/api.md allows get this far. */
  private static String name(String name) {
    if (!Names.valid(name)) {
      throw new CliException(ExitStatus.USAGE, "invalid name '" + SafeText.line(name) + "'");
    }
    return name;
  }

  @Override
  public void close() {
    http.close();
  }
}
