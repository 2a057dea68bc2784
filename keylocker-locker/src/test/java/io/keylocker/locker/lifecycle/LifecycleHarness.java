package io.keylocker.locker.lifecycle;

import io.keylocker.crypto.KdfParameters;
import io.keylocker.crypto.KeyWrapper;
import io.keylocker.locker.commands.CommandService;
import io.keylocker.locker.commands.JdbcCommandRepository;
import io.keylocker.locker.keyrings.JdbcKeyringRepository;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.KeyLifecycle;
import io.keylocker.locker.keyrings.KeyringService;
import io.keylocker.locker.keyrings.NewKeyring;
import io.keylocker.locker.keyrings.RecordingKeyEvents;
import io.keylocker.locker.keyrings.VersionNumber;
import io.keylocker.locker.keyrings.WrappedKey;
import io.keylocker.locker.servers.JdbcServerRepository;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerName;
import io.keylocker.locker.servers.ServerRef;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.storage.Database;
import io.keylocker.locker.storage.Migration;
import io.keylocker.locker.storage.MigrationRunner;
import io.keylocker.locker.storage.Sql;
import io.keylocker.locker.tenants.JdbcTenantRepository;
import io.keylocker.locker.tenants.Tenant;
import io.keylocker.locker.tenants.TenantName;
import io.keylocker.locker.tenants.TenantService;
import io.keylocker.locker.usage.JdbcUsageRepository;
import io.keylocker.locker.usage.UsageService;
import io.keylocker.testing.FakeClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/** The lifecycle services on a real SQLite database, wired as the locker wires them. */
final class LifecycleHarness implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
  final RecordingKeyEvents events = new RecordingKeyEvents();
  final Database database;
  final TenantService tenants;
  final ServerService servers;
  final KeyringService keyrings;
  final LifecycleService lifecycle;
  final LifecycleScheduler scheduler;
  final CommandService commands;
  final UsageService usage;
  private final JdbcServerRepository serverRepository;
  private int serial;

  LifecycleHarness(Path file) {
    database = Database.sqlite(file);
    new MigrationRunner(database, Migration.bundled(), clock).migrate();
    Sql sql = new Sql(database);
    serverRepository = new JdbcServerRepository(sql);
    tenants = new TenantService(database, new JdbcTenantRepository(sql), clock);
    servers = new ServerService(database, tenants, serverRepository, clock);
    JdbcKeyringRepository repository = new JdbcKeyringRepository(sql);
    KeyLifecycle machine = new KeyLifecycle(repository, events);
    commands = new CommandService(database, new JdbcCommandRepository(sql), clock);
    usage = new UsageService(database, new JdbcUsageRepository(sql), clock);
    keyrings = new KeyringService(database, repository, machine, commands, clock);
    lifecycle =
        new LifecycleService(
            database, servers, keyrings, repository, machine, commands, usage, clock);
    scheduler = new LifecycleScheduler(database, repository, machine, commands, usage, clock);
  }

  /** A new server with a keyring holding keys 1 and 2, version 1 each. */
  Server serverWithKeyring() {
    serial++;
    TenantName tenantName = new TenantName("t" + serial);
    Tenant tenant = tenants.create(tenantName);
    ServerRef ref = new ServerRef(tenantName, new ServerName("db1"));
    Server server =
        database.inTransaction(() -> serverRepository.create(tenant.id(), ref, clock.instant()));
    keyrings.create(
        server,
        new NewKeyring(
            KeyWrapper.FORMAT_VERSION,
            KdfParameters.recommended(RANDOM),
            new byte[] {1, 2, 3},
            List.of(key(1), key(2))));
    return server;
  }

  /** Marks the server revoked (decommissioned), as the admin API's revoke does. */
  void revoke(Server server) {
    database.run(() -> serverRepository.markRevoked(server, clock.instant(), "decommissioned"));
  }

  /** Makes a revoked server pending again, as issuing a new enrollment token does. */
  void reEnroll(Server server) {
    database.run(() -> serverRepository.markPending(server.id()));
  }

  /** Every stored version of the server's keyring. */
  List<KeyVersion> versions(Server server) {
    return database.read(
        () ->
            keyrings.require(server).keys().stream()
                .flatMap(key -> key.versions().stream())
                .toList());
  }

  static WrappedKey blob() {
    byte[] bytes = new byte[60];
    RANDOM.nextBytes(bytes);
    bytes[0] = KeyWrapper.FORMAT_VERSION;
    return new WrappedKey(bytes);
  }

  private static NewKeyring.NewKey key(long id) {
    return new NewKeyring.NewKey(
        new KeyId(id), List.of(new NewKeyring.NewVersion(VersionNumber.FIRST, blob())));
  }

  @Override
  public void close() {
    scheduler.close();
    commands.close();
  }
}
