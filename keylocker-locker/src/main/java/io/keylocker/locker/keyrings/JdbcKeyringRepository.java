package io.keylocker.locker.keyrings;

import io.keylocker.crypto.KdfParameters;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerId;
import io.keylocker.locker.servers.ServerName;
import io.keylocker.locker.servers.ServerRef;
import io.keylocker.locker.storage.Sql;
import io.keylocker.locker.tenants.TenantName;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class JdbcKeyringRepository implements KeyringRepository {
  private static final String VERSION_COLUMNS =
      "key_id, version, state, wrapped, created_at, activated_at, deactivated_at, compromised_at,"
          + " compromise_reason, destroyed_at, destroy_scheduled_for, destroy_blocked";
  private static final String ONE_VERSION = " WHERE keyring_id = ? AND key_id = ? AND version = ?";
  private static final String KEY_REF =
      "SELECT k.id AS keyring_id, k.server_id, t.name AS tenant, s.name AS server, v.key_id,"
          + " v.version FROM key_versions v JOIN keyrings k ON k.id = v.keyring_id JOIN servers s"
          + " ON s.id = k.server_id JOIN tenants t ON t.id = s.tenant_id";

  private final Sql sql;

  public JdbcKeyringRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public KeyringId create(ServerId server, NewKeyring keyring, Instant createdAt) {
    KdfParameters kdf = keyring.kdf();
    return new KeyringId(
        sql.insert(
            "INSERT INTO keyrings (server_id, name, format_version, kdf_algorithm, kdf_memory_kib,"
                + " kdf_iterations, kdf_parallelism, salt, verifier, created_at) VALUES (?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            server.value(),
            Keyring.DEFAULT_NAME,
            keyring.formatVersion(),
            kdf.algorithm(),
            kdf.memoryKib(),
            kdf.iterations(),
            kdf.parallelism(),
            kdf.salt(),
            keyring.verifier(),
            createdAt));
  }

  @Override
  public Optional<Keyring> find(Server server) {
    return sql.one(
        "SELECT id, format_version, kdf_algorithm, kdf_memory_kib, kdf_iterations, kdf_parallelism,"
            + " salt, verifier, created_at, cryptoperiod_days, destroy_grace_days FROM keyrings"
            + " WHERE server_id = ?",
        row ->
            new Keyring(
                server.ref(),
                (int) row.integer("format_version"),
                new KdfParameters(
                    row.text("kdf_algorithm"),
                    (int) row.integer("kdf_memory_kib"),
                    (int) row.integer("kdf_iterations"),
                    (int) row.integer("kdf_parallelism"),
                    row.bytes("salt")),
                row.bytes("verifier"),
                row.instant("created_at"),
                policy(row),
                keys(new KeyringId(row.integer("id")))),
        server.id().value());
  }

  @Override
  public Optional<KeyringId> findId(ServerId server) {
    return sql.one(
        "SELECT id FROM keyrings WHERE server_id = ?",
        row -> new KeyringId(row.integer("id")),
        server.value());
  }

  @Override
  public Optional<VersionNumber> lastVersion(KeyringId keyring, KeyId key) {
    return sql.one(
            "SELECT MAX(version) AS last FROM key_versions WHERE keyring_id = ? AND key_id = ?",
            row -> row.optionalInteger("last"),
            keyring.value(),
            key.value())
        .flatMap(last -> last.map(VersionNumber::new));
  }

  @Override
  public int keyCount(KeyringId keyring) {
    return sql.one(
            "SELECT COUNT(DISTINCT key_id) AS key_count FROM key_versions WHERE keyring_id = ?",
            row -> (int) row.integer("key_count"),
            keyring.value())
        .orElse(0);
  }

  @Override
  public Optional<KeyVersion> findVersion(KeyringId keyring, KeyId key, VersionNumber version) {
    return sql.one(
        "SELECT " + VERSION_COLUMNS + " FROM key_versions" + ONE_VERSION,
        KeyVersionRows::version,
        keyring.value(),
        key.value(),
        version.value());
  }

  @Override
  public Optional<KeyVersion> activeVersion(KeyringId keyring, KeyId key) {
    return sql.one(
        "SELECT "
            + VERSION_COLUMNS
            + " FROM key_versions WHERE keyring_id = ? AND key_id = ? AND state = ?",
        KeyVersionRows::version,
        keyring.value(),
        key.value(),
        KeyState.ACTIVE.label());
  }

  @Override
  public KeyVersion addVersion(
      KeyringId keyring, KeyId key, VersionNumber version, WrappedKey wrapped, Instant createdAt) {
    sql.update(
        "INSERT INTO key_versions (keyring_id, key_id, version, state, wrapped, created_at,"
            + " activated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        keyring.value(),
        key.value(),
        version.value(),
        KeyState.ACTIVE.label(),
        wrapped.bytes(),
        createdAt,
        createdAt);
    return findVersion(keyring, key, version).orElseThrow();
  }

  @Override
  public void changeState(
      KeyringId keyring, KeyId key, VersionNumber version, KeyState to, String reason, Instant at) {
    String set =
        switch (to) {
          case PRE_ACTIVE -> throw new IllegalArgumentException("no version returns to pre-active");
          case ACTIVE -> "activated_at = ?";
          case DEACTIVATED -> "deactivated_at = ?";
          case COMPROMISED -> "compromised_at = ?, compromise_reason = ?";
          case DESTROYED ->
              "destroyed_at = ?, wrapped = NULL, destroy_scheduled_for = NULL,"
                  + " destroy_blocked = NULL";
        };
    List<Object> parameters = new ArrayList<>(List.of(to.label(), at));
    if (to == KeyState.COMPROMISED) {
      parameters.add(reason);
    }
    parameters.addAll(List.of(keyring.value(), key.value(), version.value()));
    sql.update("UPDATE key_versions SET state = ?, " + set + ONE_VERSION, parameters.toArray());
  }

  @Override
  public void scheduleDestroy(
      KeyringId keyring, KeyId key, VersionNumber version, Optional<Instant> due) {
    sql.update(
        "UPDATE key_versions SET destroy_scheduled_for = ?, destroy_blocked = NULL" + ONE_VERSION,
        due.orElse(null),
        keyring.value(),
        key.value(),
        version.value());
  }

  @Override
  public void blockDestroy(KeyringId keyring, KeyId key, VersionNumber version, String reason) {
    sql.update(
        "UPDATE key_versions SET destroy_blocked = ?" + ONE_VERSION,
        reason,
        keyring.value(),
        key.value(),
        version.value());
  }

  @Override
  public void changePolicy(KeyringId keyring, KeyringPolicy policy) {
    sql.update(
        "UPDATE keyrings SET cryptoperiod_days = ?, destroy_grace_days = ? WHERE id = ?",
        policy.cryptoperiodDays(),
        policy.destroyGraceDays(),
        keyring.value());
  }

  @Override
  public List<KeyRef> activePastCryptoperiod(Instant now) {
    return sql.list(
        KEY_REF
            + " WHERE v.state = ? AND v.activated_at + k.cryptoperiod_days * 86400 <= ?"
            + " ORDER BY k.id, v.key_id",
        JdbcKeyringRepository::keyRef,
        KeyState.ACTIVE.label(),
        now);
  }

  @Override
  public List<Scheduled> destroysDue(Instant now) {
    return sql.list(
        KEY_REF + " WHERE v.destroy_scheduled_for <= ? ORDER BY v.destroy_scheduled_for",
        row -> new Scheduled(keyRef(row), new VersionNumber(row.integer("version"))),
        now);
  }

  private static KeyRef keyRef(Sql.Row row) throws SQLException {
    return new KeyRef(keyringRef(row), new KeyId(row.integer("key_id")));
  }

  private static KeyringPolicy policy(Sql.Row row) throws SQLException {
    return new KeyringPolicy(
        (int) row.integer("cryptoperiod_days"), (int) row.integer("destroy_grace_days"));
  }

  @Override
  public void scheduleKeyringDestroy(KeyringId keyring, Optional<Instant> due) {
    sql.update(
        "UPDATE keyrings SET destroy_scheduled_for = ? WHERE id = ?",
        due.orElse(null),
        keyring.value());
  }

  @Override
  public Optional<Instant> keyringDestroyDue(KeyringId keyring) {
    return sql.one(
            "SELECT destroy_scheduled_for FROM keyrings WHERE id = ?",
            row -> row.optionalInstant("destroy_scheduled_for"),
            keyring.value())
        .flatMap(due -> due);
  }

  @Override
  public List<KeyringRef> keyringDestroysDue(Instant now) {
    return sql.list(
        "SELECT k.id AS keyring_id, k.server_id, t.name AS tenant, s.name AS server FROM keyrings k"
            + " JOIN servers s ON s.id = k.server_id JOIN tenants t ON t.id = s.tenant_id"
            + " WHERE k.destroy_scheduled_for <= ? AND s.revoked_at IS NOT NULL"
            + " ORDER BY k.destroy_scheduled_for, k.id",
        JdbcKeyringRepository::keyringRef,
        now);
  }

  private static KeyringRef keyringRef(Sql.Row row) throws SQLException {
    ServerRef owner =
        new ServerRef(new TenantName(row.text("tenant")), new ServerName(row.text("server")));
    return new KeyringRef(
        new KeyringId(row.integer("keyring_id")), new ServerId(row.integer("server_id")), owner);
  }

  @Override
  public List<KeyEntry> keys(KeyringId keyring) {
    Map<KeyId, List<KeyVersion>> byKey = new LinkedHashMap<>();
    sql.list(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM key_versions WHERE keyring_id = ? ORDER BY key_id, version",
            row -> Map.entry(new KeyId(row.integer("key_id")), KeyVersionRows.version(row)),
            keyring.value())
        .forEach(
            entry ->
                byKey
                    .computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                    .add(entry.getValue()));
    return byKey.entrySet().stream()
        .map(entry -> new KeyEntry(entry.getKey(), entry.getValue()))
        .toList();
  }
}
