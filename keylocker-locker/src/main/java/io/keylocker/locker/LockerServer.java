package io.keylocker.locker;

import io.keylocker.crypto.CryptoSelfTest;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.locker.admin.AdminAuthenticator;
import io.keylocker.locker.admin.JdbcAdminTokenRepository;
import io.keylocker.locker.api.HttpsServer;
import io.keylocker.locker.api.LockerApi;
import io.keylocker.locker.bootstrap.AdminTokenBootstrap;
import io.keylocker.locker.bootstrap.DataDirectory;
import io.keylocker.locker.bootstrap.LockerPki;
import io.keylocker.locker.enrollment.EnrollmentService;
import io.keylocker.locker.enrollment.EnrollmentTokenFormat;
import io.keylocker.locker.enrollment.JdbcEnrollmentTokenRepository;
import io.keylocker.locker.keyrings.JdbcKeyringRepository;
import io.keylocker.locker.keyrings.KeyringService;
import io.keylocker.locker.servers.JdbcServerRepository;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.storage.Database;
import io.keylocker.locker.storage.Migration;
import io.keylocker.locker.storage.MigrationRunner;
import io.keylocker.locker.storage.Sql;
import io.keylocker.locker.tenants.JdbcTenantRepository;
import io.keylocker.locker.tenants.TenantService;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running locker: the composition root. {@link #start} prepares everything and serves HTTPS;
 * {@link #close} stops gracefully (running requests finish first).
 */
public final class LockerServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LockerServer.class);

  private final LockerConfig config;
  private final DataDirectory data;
  private final X509Certificate caCertificate;
  private final HttpsServer https;
  private final String address;

  private LockerServer(
      LockerConfig config,
      DataDirectory data,
      X509Certificate caCertificate,
      HttpsServer https,
      String address) {
    this.config = config;
    this.data = data;
    this.caCertificate = caCertificate;
    this.https = https;
    this.address = address;
  }

  /**
   * Starts a locker. Throws {@link IOException} when the data directory cannot be prepared or the
   * port cannot be bound (the message says which), and {@link
   * io.keylocker.locker.storage.StorageException} when the database refuses to start.
   */
  public static LockerServer start(LockerConfig config) throws IOException {
    CryptoSelfTest.run();
    Clock clock = config.clock();
    SecureRandom random = new SecureRandom();
    DataDirectory data = DataDirectory.prepare(config.dataDir());
    Database database = Database.sqlite(data.database());
    new MigrationRunner(database, Migration.bundled(), clock).migrate();
    LockerPki pki = LockerPki.loadOrCreate(data, config.certificateNames(), clock, random);
    Sql sql = new Sql(database);
    new AdminTokenBootstrap(database, new JdbcAdminTokenRepository(sql), clock, random)
        .ensure(data.adminToken());

    HttpsServer https =
        HttpsServer.bind(config.listenHost(), config.port(), pki.serverTlsContext());
    String address = "https://" + urlHost(config.advertisedHost()) + ":" + https.port();
    LockerServer locker = new LockerServer(config, data, pki.ca().certificate(), https, address);
    locker.serve(api(database, sql, pki, address, clock, random));
    return locker;
  }

  /** Wires repositories, services and endpoints. */
  private static LockerApi api(
      Database database, Sql sql, LockerPki pki, String address, Clock clock, SecureRandom random) {
    JdbcServerRepository serverRepository = new JdbcServerRepository(sql);
    TenantService tenants = new TenantService(database, new JdbcTenantRepository(sql), clock);
    ServerService servers = new ServerService(database, tenants, serverRepository, clock);
    EnrollmentService enrollment =
        new EnrollmentService(
            database,
            tenants,
            servers,
            serverRepository,
            new JdbcEnrollmentTokenRepository(sql),
            new EnrollmentTokenFormat(address, Fingerprints.sha256(pki.ca().certificate())),
            pki.ca(),
            clock,
            random);
    KeyringService keyrings =
        new KeyringService(database, servers, new JdbcKeyringRepository(sql), clock);
    AdminAuthenticator authenticator =
        new AdminAuthenticator(database, new JdbcAdminTokenRepository(sql));
    return new LockerApi(authenticator, tenants, servers, enrollment, keyrings, random);
  }

  public int port() {
    return https.port();
  }

  public Path dataDir() {
    return data.root();
  }

  /** The URL agents and admins use, for example {@code https://127.0.0.1:8443}. */
  public String address() {
    return address;
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** {@code DATA/ca.pem}: the CA admins and agents trust. */
  public Path caCertificateFile() {
    return data.caCertificate();
  }

  /** {@code DATA/admin-token}: the bootstrap admin token (mode 0600). */
  public Path adminTokenFile() {
    return data.adminToken();
  }

  /** Blocks until the locker has stopped (after {@link #close()} from another thread). */
  public void join() throws InterruptedException {
    https.join();
  }

  @Override
  public void close() {
    try {
      https.close();
      LOG.info("locker stopped");
    } catch (Exception e) {
      LOG.warn("locker did not stop cleanly", e);
    }
  }

  private void serve(LockerApi api) throws IOException {
    try {
      https.start(api.handler(), api.errorHandler());
    } catch (Exception e) {
      close();
      throw new IOException("cannot start the HTTPS listener: " + e.getMessage(), e);
    }
    LOG.info(
        "locker listening on {} (listen {}:{}, data {}, certificate names {}, CA {} SHA-256 {},"
            + " admin token in {})",
        address,
        config.listenHost(),
        port(),
        data.root(),
        config.certificateNames(),
        data.caCertificate(),
        Fingerprints.sha256(caCertificate),
        data.adminToken());
  }

  private static String urlHost(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }
}
