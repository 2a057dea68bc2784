package io.keylocker.locker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keylocker.crypto.pki.CertificateAuthority;
import io.keylocker.crypto.pki.KeyPairs;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import io.keylocker.testing.FakeClock;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A real locker on a free port with real HTTPS clients: an admin and, on demand, enrolled agents.
 */
public final class TestLocker implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  public final LockerServer server;
  public final FakeClock clock;
  public final String adminToken;
  private final HttpClient anonymous;
  private final List<HttpClient> clients = new CopyOnWriteArrayList<>();

  private TestLocker(LockerServer server, FakeClock clock) throws IOException {
    this.server = server;
    this.clock = clock;
    this.adminToken = Files.readString(server.adminTokenFile());
    this.anonymous = client(Optional.empty());
  }

  public static TestLocker start(Path dataDir) throws IOException {
    FakeClock clock = new FakeClock(Instant.now());
    return new TestLocker(
        LockerServer.start(new LockerConfig(dataDir, "127.0.0.1", 0, List.of(), clock)), clock);
  }

  /** An HTTPS client trusting only the locker CA, optionally presenting a client identity. */
  public HttpClient client(Optional<TlsContexts.Identity> identity) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(TlsContexts.client(server.caCertificate(), identity))
            .build();
    clients.add(client);
    return client;
  }

  public ApiResponse admin(String method, String path, String body) {
    return send(anonymous, method, path, body, Optional.of(adminToken));
  }

  public ApiResponse anonymous(String method, String path, String body) {
    return send(anonymous, method, path, body, Optional.empty());
  }

  public ApiResponse send(
      HttpClient client, String method, String path, String body, Optional<String> token) {
    return send(
        client,
        method,
        path,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body),
        token);
  }

  /** Sends {@code body} with chunked transfer encoding (no Content-Length). */
  public ApiResponse adminChunked(String method, String path, byte[] body) {
    return send(
        anonymous,
        method,
        path,
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
        Optional.of(adminToken));
  }

  private ApiResponse send(
      HttpClient client,
      String method,
      String path,
      HttpRequest.BodyPublisher body,
      Optional<String> token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.address() + path)).method(method, body);
    token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = JSON.readTree(response.body());
      return new ApiResponse(response.statusCode(), response.headers(), response.body(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The {@code name} of each entry of array {@code field} of an admin GET of {@code path}. */
  public List<String> names(String path, String field) {
    List<String> names = new ArrayList<>();
    admin("GET", path, null)
        .json()
        .get(field)
        .forEach(entry -> names.add(entry.get("name").asText()));
    return names;
  }

  /** The entry named {@code name} in array {@code field} of an admin GET of {@code path}. */
  public JsonNode named(String path, String field, String name) {
    for (JsonNode entry : admin("GET", path, null).json().get(field)) {
      if (entry.get("name").asText().equals(name)) {
        return entry;
      }
    }
    throw new AssertionError(name + " is not listed by " + path);
  }

  /** Creates the tenant (if new) and server, returns the enrollment token response. */
  public ApiResponse addServer(String tenant, String server) {
    admin("POST", "/v1/admin/tenants", json(Map.of("name", tenant)));
    return admin("POST", "/v1/admin/tenants/" + tenant + "/servers", json(Map.of("name", server)));
  }

  /** The decoded {@code kle1.} token's JSON. */
  public static JsonNode decodeToken(String token) {
    try {
      return JSON.readTree(Base64.getUrlDecoder().decode(token.substring("kle1.".length())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String csr(KeyPair pair) {
    return CertificateAuthority.Csrs.create(pair, "ignored-by-the-locker");
  }

  /** Adds and enrolls a server; returns an agent presenting its new client certificate. */
  public Agent enrolledAgent(String tenant, String server) {
    return enroll(addServer(tenant, server).json().get("enrollment_token").asText());
  }

  /** Enrolls with {@code token}; returns an agent presenting its new client certificate. */
  public Agent enroll(String token) {
    String secret = decodeToken(token).get("secret").asText();
    KeyPair pair = KeyPairs.ecP256(new SecureRandom());
    ApiResponse enrolled =
        anonymous("POST", "/v1/agent/enroll", json(Map.of("secret", secret, "csr", csr(pair))));
    if (enrolled.status() != 201) {
      throw new IllegalStateException("enrollment failed: " + enrolled.body());
    }
    TlsContexts.Identity identity =
        new TlsContexts.Identity(
            pair.getPrivate(),
            List.of(Pem.certificate(enrolled.json().get("certificate").asText())));
    return new Agent(client(Optional.of(identity)), identity);
  }

  /** An enrolled agent's HTTPS client. */
  public final class Agent {
    private final HttpClient client;
    private final TlsContexts.Identity identity;

    private Agent(HttpClient client, TlsContexts.Identity identity) {
      this.client = client;
      this.identity = identity;
    }

    public ApiResponse call(String method, String path, String body) {
      return send(client, method, path, body, Optional.empty());
    }

    /**
     * Sends only a request head (no body, whatever it declares) and returns the status line: for
     * limits the server must enforce before reading a body.
     */
    public String statusLineOfHead(String head) throws IOException {
      SSLSocketFactory factory =
          TlsContexts.client(server.caCertificate(), Optional.of(identity)).getSocketFactory();
      try (SSLSocket socket = (SSLSocket) factory.createSocket("127.0.0.1", server.port())) {
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
            .readLine();
      }
    }
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one lifecycle scheduler pass now, at the fake clock's time. */
  public void runScheduler() {
    server.runScheduledJobs();
  }

  /** The SQLite database file followed by its write-ahead log (when present). */
  public byte[] databaseBytes() throws IOException {
    Path database = server.dataDir().resolve("keylocker.db");
    Path log = server.dataDir().resolve("keylocker.db-wal");
    byte[] main = Files.readAllBytes(database);
    byte[] wal = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
    byte[] both = Arrays.copyOf(main, main.length + wal.length);
    System.arraycopy(wal, 0, both, main.length, wal.length);
    return both;
  }

  @Override
  public void close() {
    clients.forEach(HttpClient::close);
    server.close();
  }
}
