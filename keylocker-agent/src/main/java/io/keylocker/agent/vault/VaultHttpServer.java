package io.keylocker.agent.vault;

import io.keylocker.crypto.pki.TlsContexts;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTPS server stack of the Vault edge, reusable for any handler so that a benchmark can run a
 * bare endpoint on exactly the same stack: Jetty 12 core, HTTP/1.1 with keep-alive, TLS 1.3 and
 * 1.2 from the given context (no client certificates), a small thread pool, request line plus
 * headers limited to {@value #MAX_HEADER_BYTES} bytes, and Vault-style JSON bodies for errors Jetty
 * itself produces. The URI is passed through raw: handlers decode it (the Vault edge collapses
 * repeated slashes itself, as Vault does).
 */
public final class VaultHttpServer implements AutoCloseable {
  public static final int MAX_HEADER_BYTES = 8 * 1024;
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  private static final int MAX_THREADS = 32;
  private static final int MIN_THREADS = 4;

  private final Server server;
  private final ServerConnector connector;

  private VaultHttpServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /** Starts serving {@code handler} on {@code host:port} (port 0: any free port). */
  public static VaultHttpServer start(String host, int port, SSLContext tls, Handler handler) {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
    threads.setName("vault-http");
    Server server = new Server(threads);
    ServerConnector connector =
        new ServerConnector(server, 1, -1, sslFactory(tls), new HttpConnectionFactory(httpConfiguration()));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    server.setErrorHandler(new JsonErrorHandler());
    server.setHandler(handler);
    server.setStopTimeout(2000);
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly(server);
      throw new IllegalStateException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
    }
    return new VaultHttpServer(server, connector);
  }

  private static SslConnectionFactory sslFactory(SSLContext tls) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tls);
    ssl.setIncludeProtocols(TlsContexts.PROTOCOLS.toArray(String[]::new));
    ssl.setRenegotiationAllowed(false);
    return new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString());
  }

  private static HttpConfiguration httpConfiguration() {
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(MAX_HEADER_BYTES);
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    http.setUriCompliance(UriCompliance.LEGACY);
    http.addCustomizer(new SecureRequestCustomizer(false));
    return http;
  }

  public int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() {
    stopQuietly(server);
  }

  private static void stopQuietly(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      Thread.currentThread().interrupt();
    }
  }
}
