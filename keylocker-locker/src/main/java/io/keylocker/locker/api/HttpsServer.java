package io.keylocker.locker.api;

import io.keylocker.crypto.pki.TlsContexts;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The locker's only listener: HTTPS (TLS 1.3 and 1.2) on one port, client certificates requested
 * but optional (admins have none, agents present theirs), handlers run on virtual threads. There is
 * no plain-HTTP listener. {@link #close()} lets running requests finish, then stops.
 */
public final class HttpsServer implements AutoCloseable {
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Server server;
  private final ServerConnector connector;

  private HttpsServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Binds the port now (so {@link #port()} is known before the handler exists); port 0 picks one.
   */
  public static HttpsServer bind(String host, int port, SSLContext tls) throws IOException {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("locker-http");
    threads.setVirtualThreadsExecutor(
        VirtualThreads.getNamedVirtualThreadsExecutor("locker-request"));
    Server server = new Server(threads);
    server.setStopTimeout(STOP_TIMEOUT.toMillis());
    ServerConnector connector =
        new ServerConnector(
            server, sslFactory(tls), new HttpConnectionFactory(httpConfiguration()));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    try {
      connector.open();
    } catch (IOException e) {
      throw new IOException("cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
    }
    return new HttpsServer(server, connector);
  }

  public int port() {
    return connector.getLocalPort();
  }

  public void start(Handler handler, ErrorHandler errors) throws Exception {
    server.setHandler(new GracefulHandler(handler));
    server.setErrorHandler(errors);
    server.start();
  }

  /** Blocks until the server has stopped. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static SslConnectionFactory sslFactory(SSLContext tls) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setSslContext(tls);
    factory.setIncludeProtocols(TlsContexts.PROTOCOLS.toArray(String[]::new));
    factory.setWantClientAuth(true);
    return new SslConnectionFactory(factory, "http/1.1");
  }

  private static HttpConfiguration httpConfiguration() {
    HttpConfiguration configuration = new HttpConfiguration();
    configuration.setSendServerVersion(false);
    configuration.setSendXPoweredBy(false);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    configuration.addCustomizer(secure);
    return configuration;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
