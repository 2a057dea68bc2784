package io.keylocker.locker;

import io.keylocker.crypto.CryptoSelfTest;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.locker.servers.ServerEvent;
import io.keylocker.locker.keyrings.KeyEvent;
import io.keylocker.locker.events.RecentEvents;
import io.keylocker.locker.admin.AdminAuthenticator;
import io.keylocker.locker.admin.JdbcAdminTokenRepository;
import io.keylocker.locker.api.HttpsServer;
import io.keylocker.locker.api.LockerApi;
import io.keylocker.locker.bootstrap.AdminTokenBootstrap;
import io.keylocker.locker.bootstrap.DataDirectory;
import io.keylocker.locker.bootstrap.LockerPki;
import io.keylocker.locker.commands.CommandService;
import io.keylocker.locker.commands.JdbcCommandRepository;
import io.keylocker.locker.enrollment.EnrollmentService;
import io.keylocker.locker.enrollment.EnrollmentTokenFormat;
import io.keylocker.locker.enrollment.JdbcEnrollmentTokenRepository;
import io.keylocker.locker.keyrings.JdbcKeyringRepository;
import io.keylocker.locker.keyrings.KeyLifecycle;
import io.keylocker.locker.keyrings.KeyringService;
import io.keylocker.locker.lifecycle.LifecycleScheduler;
import io.keylocker.locker.lifecycle.LifecycleService;
import io.keylocker.locker.revocation.RevocationService;
import io.keylocker.locker.servers.JdbcServerRepository;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.storage.Database;
import io.keylocker.locker.storage.Migration;
import io.keylocker.locker.storage.MigrationRunner;
import io.keylocker.locker.storage.Sql;
import io.keylocker.locker.tenants.JdbcTenantRepository;
import io.keylocker.locker.tenants.TenantService;
import io.keylocker.locker.usage.JdbcUsageRepository;
import io.keylocker.locker.usage.UsageService;
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

  /** Key lifecycle events kept in memory until the audit feature records them durably. */
  private static final int KEPT_KEY_EVENTS = 10_000;

  /** Server events (revocations) kept in memory until the audit feature records them durably. */
  private static final int KEPT_SERVER_EVENTS = 1_000;

  private final LockerConfig config;
  private final DataDirectory data;
  private final X509Certificate caCertificate;
  private final HttpsServer https;
  private final String address;
  private final CommandService commands;
  private final LifecycleScheduler scheduler;

  private LockerServer(
      LockerConfig config,
      DataDirectory data,
      X509Certificate caCertificate,
      HttpsServer https,
      String address,
      Parts parts) {
    this.config = config;
    this.data = data;
    this.caCertificate = caCertificate;
    this.https = https;
    this.address = address;
    this.commands = parts.commands();
    this.scheduler = parts.scheduler();
  }

  /** What {@link #wire} builds: the API and the parts the server must close. */
  private record Parts(LockerApi api, CommandService commands, LifecycleScheduler scheduler) {}

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
    Parts parts = wire(database, sql, pki, address, clock, random);
    LockerServer locker =
        new LockerServer(config, data, pki.ca().certificate(), https, address, parts);
    locker.serve(parts.api());
    parts.scheduler().start();
    return locker;
  }

  /** Wires repositories, services, the lifecycle scheduler and the endpoints. */
  private static Parts wire(
      Database database, Sql sql, LockerPki pki, String address, Clock clock, SecureRandom random) {
    JdbcServerRepository serverRepository = new JdbcServerRepository(sql);
    JdbcEnrollmentTokenRepository tokens = new JdbcEnrollmentTokenRepository(sql);
    TenantService tenants = new TenantService(database, new JdbcTenantRepository(sql), clock);
    ServerService servers = new ServerService(database, tenants, serverRepository, clock);
    EnrollmentService enrollment =
        new EnrollmentService(
            database,
            tenants,
            servers,
            serverRepository,
            tokens,
            new EnrollmentTokenFormat(address, Fingerprints.sha256(pki.ca().certificate())),
            pki.ca(),
            clock,
            random);
    Keys keys = wireKeys(database, sql, servers, clock);
    RevocationService revocation =
        new RevocationService(
            database,
            new RevocationService.Parts(
                servers, serverRepository, tokens, new RecentEvents<ServerEvent>(KEPT_SERVER_EVENTS)::add,
                keys.commands()),
            clock);
    LockerApi.Services services =
        new LockerApi.Services(
            new AdminAuthenticator(database, new JdbcAdminTokenRepository(sql)),
            tenants,
            servers,
            enrollment,
            keys.keyrings(),
            keys.lifecycle(),
            keys.commands(),
            keys.usage(),
            revocation);
    return new Parts(new LockerApi(services, random), keys.commands(), keys.scheduler());
  }

  private record Keys(
      KeyringService keyrings,
      LifecycleService lifecycle,
      CommandService commands,
      UsageService usage,
      LifecycleScheduler scheduler) {}

  /** Keyrings with their lifecycle: state machine, agent commands, usage, scheduler. */
  private static Keys wireKeys(Database database, Sql sql, ServerService servers, Clock clock) {
    JdbcKeyringRepository repository = new JdbcKeyringRepository(sql);
    KeyLifecycle lifecycle = new KeyLifecycle(repository, new RecentEvents<KeyEvent>(KEPT_KEY_EVENTS)::add);
    CommandService commands = new CommandService(database, new JdbcCommandRepository(sql), clock);
    UsageService usage = new UsageService(database, new JdbcUsageRepository(sql), clock);
    KeyringService keyrings = new KeyringService(database, repository, lifecycle, commands, clock);
    return new Keys(
        keyrings,
        new LifecycleService(
            database, servers, keyrings, repository, lifecycle, commands, usage, clock),
        commands,
        usage,
        new LifecycleScheduler(database, repository, lifecycle, commands, usage, clock));
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

  /** Runs one lifecycle pass now (tests; the scheduler also runs every minute). */
  void runScheduledJobs() {
    scheduler.runOnce();
  }

  /** Ends waiting long polls at once, stops the scheduler, then lets running requests finish. */
  @Override
  public void close() {
    commands.close();
    scheduler.close();
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
