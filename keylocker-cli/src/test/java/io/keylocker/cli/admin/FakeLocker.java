package io.keylocker.cli.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.keylocker.crypto.pki.CertificateAuthority;
import io.keylocker.crypto.pki.KeyPairs;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process HTTPS server standing in for the locker's admin API: TLS material generated at
 * test time, canned answers per {@code "METHOD /path"}, and a record of every request received.
 */
public final class FakeLocker implements AutoCloseable {
  /** A request as the fake received it. */
  public record Request(String method, String path, String authorization, String contentType, String body) {}

  private record Answer(int status, String body) {}

  private final CertificateAuthority ca;
  private final HttpsServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /** A locker whose certificate is valid for 127.0.0.1 and localhost. */
  public FakeLocker() {
    this(List.of("127.0.0.1", "localhost"));
  }

  public FakeLocker(List<String> certificateHosts) {
    SecureRandom random = new SecureRandom();
    ca = CertificateAuthority.create("fake locker CA", Clock.systemUTC(), random);
    KeyPair pair = KeyPairs.ecP256(random);
    var certificate = ca.issueServer(pair.getPublic(), "fake locker", certificateHosts, Duration.ofDays(1));
    var identity = new TlsContexts.Identity(pair.getPrivate(), List.of(certificate, ca.certificate()));
    try {
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.create(Optional.of(identity), Optional.empty())));
    server.createContext("/", this::handle);
    server.start();
  }

  public FakeLocker answer(String methodAndPath, int status, String body) {
    answers.put(methodAndPath, new Answer(status, body));
    return this;
  }

  public FakeLocker error(String methodAndPath, int status, String code, String message) {
    return answer(methodAndPath, status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
  }

  public URI address() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public String caPem() {
    return Pem.encode(ca.certificate());
  }

  public Path writeCa(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      return Files.writeString(file, caPem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public java.security.cert.X509Certificate caCertificate() {
    return ca.certificate();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String path = exchange.getRequestURI().getRawPath();
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              path,
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body));
      Answer answer =
          answers.getOrDefault(
              exchange.getRequestMethod() + " " + path,
              new Answer(404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no such route\"}}"));
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
