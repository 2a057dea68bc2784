package io.keylocker.agent.lockerclient;

import io.keylocker.agent.error.AgentException;
import io.keylocker.crypto.pki.TlsContexts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * HTTPS exchanges with the locker and the one place its failures become {@link AgentException}s:
 * no connection, a timeout or an untrusted server certificate → {@code Unreachable}; another TLS
 * failure (the locker rejected our certificate), 401 or 403 → {@code AuthenticationFailed}; 403
 * with the code {@code REVOKED} → the {@link RevocationListener} is told, then {@code Revoked}; 404 →
 * {@code NotFound}; anything else → {@code Refused} with the locker's message.
 */
final class LockerHttp implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

  private final URI base;
  private final HttpClient client;
  private final RevocationListener revocation;

  LockerHttp(URI base, SSLContext tls, RevocationListener revocation) {
    this.base = base;
    this.revocation = revocation;
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(TlsContexts.PROTOCOLS.toArray(String[]::new));
    this.client =
        HttpClient.newBuilder()
            .sslContext(tls)
            .sslParameters(parameters)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  URI base() {
    return base;
  }

  /** Sends {@code json} (or nothing when null) and returns the body of a 2xx response. */
  byte[] exchange(String method, String path, byte[] json) {
    return exchange(method, path, json, REQUEST_TIMEOUT);
  }

  /** As {@link #exchange(String, String, byte[])}, for a request that may take up to {@code timeout} (long polls). */
  byte[] exchange(String method, String path, byte[] json, Duration timeout) {
    try {
      HttpResponse<byte[]> response =
          client.send(request(method, path, json, timeout), HttpResponse.BodyHandlers.ofByteArray());
      return successBody(response);
    } catch (IOException e) {
      throw transportFailure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentException.Unreachable("interrupted while talking to the locker at " + base, e);
    }
  }

  /** Fire and forget; the future fails with the same exceptions as {@link #exchange}. */
  CompletableFuture<byte[]> exchangeAsync(String method, String path, byte[] json) {
    return client
        .sendAsync(request(method, path, json, REQUEST_TIMEOUT), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(this::successBody);
  }

  private HttpRequest request(String method, String path, byte[] json, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Accept", "application/json");
    if (json == null) {
      return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    return builder
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
  }

  private byte[] successBody(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.body();
    }
    if (status == 403 && LockerJson.errorCode(response.body()).filter("REVOKED"::equals).isPresent()) {
      revocation.revoked();
      throw new AgentException.Revoked();
    }
    String message = LockerJson.errorMessage(response.body()).orElse("HTTP " + status + " from the locker");
    throw switch (status) {
      case 401, 403 -> new AgentException.AuthenticationFailed("the locker refused the agent: " + message);
      case 404 -> new AgentException.NotFound(message);
      case 409, 410 -> new AgentException.Refused(message);
      default -> new AgentException.Refused("the locker refused the request (HTTP " + status + "): " + message);
    };
  }

  private AgentException transportFailure(IOException e) {
    if (hasCause(e, CertificateException.class)) {
      return new AgentException.Unreachable(
          "cannot reach the locker at " + base + ": its TLS certificate is not trusted (" + rootMessage(e) + ")", e);
    }
    if (e instanceof SSLException) {
      return new AgentException.AuthenticationFailed(
          "TLS with the locker at " + base + " failed: " + rootMessage(e), e);
    }
    String why =
        e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException ? "timed out"
            : e instanceof ConnectException || hasCause(e, UnresolvedAddressException.class) ? "connection refused or host unknown"
            : rootMessage(e);
    return new AgentException.Unreachable("cannot reach the locker at " + base + " (" + why + ")", e);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** Lets pending requests (a last heartbeat) finish for a moment, then cancels them. */
  @Override
  public void close() {
    client.shutdown();
    try {
      if (!client.awaitTermination(CLOSE_GRACE)) {
        client.shutdownNow();
      }
    } catch (InterruptedException e) {
      client.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
