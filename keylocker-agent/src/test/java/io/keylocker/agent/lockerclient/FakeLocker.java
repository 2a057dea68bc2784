package io.keylocker.agent.lockerclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keylocker.agent.TestTls;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.crypto.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * An HTTPS stub of the locker's agent API (docs/api.md) for tests: enrollment, keyring (GET/PUT),
 * new versions (the active one becomes deactivated), heartbeats, commands ({@link
 * FakeCommandQueue}) and usage reports, mTLS after enrollment; keeps the keyring as the locker's
 * JSON body. {@link #stop()} and {@link #restart()} make it unreachable and back on the same port.
 */
public final class FakeLocker implements AutoCloseable {
  public static final String SECRET = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
  private static final JsonMapper JSON = new JsonMapper();

  final TestTls tls;
  final List<String> requests = new CopyOnWriteArrayList<>();
  public final List<String> heartbeats = new CopyOnWriteArrayList<>();
  final List<X509Certificate> clientCertificates = new CopyOnWriteArrayList<>();
  volatile boolean enrollmentUsed;
  volatile boolean revoked;
  /** Set by {@link #revokeServer()}: every request is answered 403 REVOKED, as the real locker does. */
  volatile boolean serverRevoked;
  public volatile ObjectNode keyring;
  public final FakeCommandQueue commands = new FakeCommandQueue();
  public final List<JsonNode> usageReports = new CopyOnWriteArrayList<>();
  /** How many of the next command completions fail with 500 (the agent must retry them). */
  public final AtomicInteger failingCompletions = new AtomicInteger();
  private final Server server;
  private final ServerConnector connector;
  private final int port;

  public FakeLocker() throws Exception {
    this(TestTls.create("127.0.0.1"));
  }

  FakeLocker(TestTls tls) throws Exception {
    this.tls = tls;
    server = new Server();
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tls.serverContextTrustingClients());
    ssl.setWantClientAuth(true);
    HttpConfiguration http = new HttpConfiguration();
    http.addCustomizer(new SecureRequestCustomizer(false));
    connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        respond(request, response, callback);
        return true;
      }
    });
    server.start();
    port = connector.getLocalPort();
  }

  int port() {
    return port;
  }

  public String address() {
    return "https://127.0.0.1:" + port();
  }

  /** A valid token for acme/db1 with this locker's address and CA. */
  public String token() {
    return token(address(), Fingerprints.sha256(tls.ca().certificate()));
  }

  public static String token(String addr, String caFingerprint) {
    String json = "{\"v\":1,\"addr\":\"" + addr + "\",\"ca\":\"" + caFingerprint
        + "\",\"tenant\":\"acme\",\"server\":\"db1\",\"secret\":\"" + SECRET + "\"}";
    return "kle1." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Revokes the server as an admin would: waiting polls end at once and every request gets 403 REVOKED. */
  public void revokeServer() {
    serverRevoked = true;
    commands.release();
  }

  private static void revokedAnswer(Response response, Callback callback) {
    error(response, callback, 403, "REVOKED", "this server was revoked");
  }

  /** Stops listening: the agent sees "connection refused". */
  public void stop() throws Exception {
    commands.release();
    server.stop();
  }

  /** Listens again on the same port. */
  public void restart() throws Exception {
    connector.setPort(port);
    commands.reopen();
    server.start();
  }

  private void respond(Request request, Response response, Callback callback) throws Exception {
    String method = request.getMethod();
    String path = request.getHttpURI().getPath();

    requests.add(method + " " + path);
    String body = Content.Source.asString(request, StandardCharsets.UTF_8);
    if (path.equals("/v1/agent/enroll")) {
      enroll(JSON.readTree(body), response, callback);
      return;
    }
    X509Certificate[] peer = peerCertificates(request);
    if (peer == null || peer.length == 0) {
      error(response, callback, 401, "UNAUTHENTICATED", "client certificate required");
      return;
    }
    clientCertificates.add(peer[0]);
    if (revoked) {
      error(response, callback, 403, "FORBIDDEN", "the certificate is not an enrolled agent's current certificate");
      return;
    }
    if (serverRevoked) {
      revokedAnswer(response, callback);
      return;
    }
    agentApi(method + " " + path, request.getHttpURI().getQuery(), body, response, callback);
  }

  private static X509Certificate[] peerCertificates(Request request) {
    Object data = request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE);
    return data instanceof EndPoint.SslSessionData ssl ? ssl.peerCertificates() : null;
  }

  private void enroll(JsonNode request, Response response, Callback callback) {
    if (!SECRET.equals(request.path("secret").asText())) {
      error(response, callback, 401, "UNAUTHENTICATED", "enrollment token is invalid");
      return;
    }
    if (enrollmentUsed) {
      error(response, callback, 410, "GONE", "enrollment token expired or already used");
      return;
    }
    enrollmentUsed = true;
    X509Certificate issued = tls.ca().issueClient(Pem.csr(request.get("csr").asText()), "acme/db1", Duration.ofDays(90));
    ObjectNode answer = JSON.createObjectNode()
        .put("tenant", "acme").put("server", "db1")
        .put("certificate", Pem.encode(issued)).put("ca", Pem.encode(tls.ca().certificate()))
        .put("expires_at", issued.getNotAfter().toInstant().toString());
    json(response, callback, 201, answer);
  }

  private void agentApi(String route, String query, String body, Response response, Callback callback) throws Exception {
    switch (route) {
      case "GET /v1/agent/keyring" -> {
        if (keyring == null) {
          error(response, callback, 404, "NOT_FOUND", "keyring not initialized");
        } else {
          json(response, callback, 200, keyring);
        }
      }
      case "PUT /v1/agent/keyring" -> {
        if (keyring != null) {
          error(response, callback, 409, "CONFLICT", "keyring already exists");
          return;
        }
        keyring = stored((ObjectNode) JSON.readTree(body));
        json(response, callback, 201, keyring);
      }
      case "GET /v1/agent/commands" -> pollCommands(query, response, callback);
      case "POST /v1/agent/usage" -> {
        usageReports.add(JSON.readTree(body));
        response.setStatus(204);
        callback.succeeded();
      }
      case "POST /v1/agent/heartbeat" -> {
        heartbeats.add(JSON.readTree(body).get("state").asText());
        json(response, callback, 200, JSON.createObjectNode().put("server_time", Instant.now().toString()));
      }
      default -> {
        if (route.matches("POST /v1/agent/keyring/keys/\\d+/versions")) {
          addVersion(Long.parseLong(route.split("/")[5]), (ObjectNode) JSON.readTree(body), response, callback);
        } else if (route.matches("POST /v1/agent/commands/[^/]+/complete")) {
          completeCommand(route.split("/")[4], JSON.readTree(body), response, callback);
        } else {
          error(response, callback, 404, "NOT_FOUND", "no route");
        }
      }
    }
  }

  private static ObjectNode stored(ObjectNode put) {
    String now = FakeCommandQueue.now().toString();
    put.put("tenant", "acme").put("server", "db1").put("keyring", "default").put("created_at", now);
    for (JsonNode key : put.get("keys")) {
      for (JsonNode version : key.get("versions")) {
        ((ObjectNode) version).put("state", "active").put("created_at", now);
      }
    }
    return put;
  }

  private void pollCommands(String query, Response response, Callback callback) throws InterruptedException {
    int wait = query != null && query.matches("wait=\\d+") ? Integer.parseInt(query.substring(5)) : 25;
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("commands");
    List<FakeCommandQueue.Command> polled = commands.poll(wait);
    if (serverRevoked) {
      revokedAnswer(response, callback);
      return;
    }
    for (FakeCommandQueue.Command c : polled) {
      ObjectNode command = list.addObject().put("id", c.id()).put("kind", c.kind()).put("created_at", c.createdAt().toString());
      if (c.keyId() != null) {
        command.put("key_id", c.keyId());
      }
    }
    json(response, callback, 200, body);
  }

  private void completeCommand(String id, JsonNode request, Response response, Callback callback) {
    if (failingCompletions.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      error(response, callback, 500, "INTERNAL", "internal error (request id test)");
    } else if (commands.complete(id, new FakeCommandQueue.Completion(request.get("outcome").asText(), request.get("message").asText()))) {
      response.setStatus(204);
      callback.succeeded();
    } else {
      error(response, callback, 404, "NOT_FOUND", "unknown command");
    }
  }

  private synchronized void addVersion(long keyId, ObjectNode request, Response response, Callback callback) {
    ArrayNode versions = versions(keyId);
    long last = 0;
    for (JsonNode v : versions) {
      last = Math.max(last, v.get("version").asLong());
    }
    if (request.get("version").asLong() != last + 1) {
      error(response, callback, 409, "CONFLICT", "version must be the current last version + 1");
      return;
    }
    String now = FakeCommandQueue.now().toString();
    versions.forEach(v -> ((ObjectNode) v).put("state", v.get("state").asText().equals("active") ? "deactivated" : v.get("state").asText()));
    versions.add(request.put("state", "active").put("created_at", now));
    commands.uploaded(keyId, Instant.parse(now));
    json(response, callback, 201, JSON.createObjectNode().put("key_id", keyId).put("version", last + 1)
        .put("state", "active").put("created_at", now));
  }

  private ArrayNode versions(long keyId) {
    for (JsonNode key : keyring.get("keys")) {
      if (key.get("key_id").asLong() == keyId) {
        return (ArrayNode) key.get("versions");
      }
    }
    return ((ArrayNode) keyring.get("keys")).addObject().put("key_id", keyId).putArray("versions");
  }

  /** What the locker does when a destroy runs: the blob is deleted, the row stays; then refresh. */
  public synchronized void destroy(long keyId, long version) {
    for (JsonNode v : versions(keyId)) {
      if (v.get("version").asLong() == version) {
        ((ObjectNode) v).put("state", "destroyed").remove("wrapped");
      }
    }
    commands.queue("refresh", null);
  }

  /** The {@code wrapped} blob of a version, as stored. */
  public synchronized String wrapped(long keyId, long version) {
    for (JsonNode v : versions(keyId)) {
      if (v.get("version").asLong() == version) {
        return v.path("wrapped").asText(null);
      }
    }
    return null;
  }

  private static void error(Response response, Callback callback, int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("code", code).put("message", message);
    json(response, callback, status, body);
  }

  private static void json(Response response, Callback callback, int status, JsonNode body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, body.toString(), callback);
  }

  @Override
  public void close() throws Exception {
    commands.release();
    server.stop();
  }
}
