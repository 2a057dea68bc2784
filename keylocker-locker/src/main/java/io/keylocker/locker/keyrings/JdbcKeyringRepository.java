package io.keylocker.locker.keyrings;

import io.keylocker.crypto.KdfParameters;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerId;
import io.keylocker.locker.storage.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class JdbcKeyringRepository implements KeyringRepository {
  private final Sql sql;

  public JdbcKeyringRepository(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void create(ServerId server, NewKeyring keyring, Instant createdAt) {
    KdfParameters kdf = keyring.kdf();
    long id =
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
            createdAt);
    for (NewKeyring.NewKey key : keyring.keys()) {
      for (NewKeyring.NewVersion version : key.versions()) {
        addVersion(new KeyringId(id), key.id(), version.version(), version.wrapped(), createdAt);
      }
    }
  }

  @Override
  public Optional<Keyring> find(Server server) {
    return sql.one(
        "SELECT id, format_version, kdf_algorithm, kdf_memory_kib, kdf_iterations, kdf_parallelism,"
            + " salt, verifier, created_at FROM keyrings WHERE server_id = ?",
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
  public KeyVersion addVersion(
      KeyringId keyring, KeyId key, VersionNumber version, WrappedKey wrapped, Instant createdAt) {
    sql.update(
        "INSERT INTO key_versions (keyring_id, key_id, version, state, wrapped, created_at) VALUES"
            + " (?, ?, ?, ?, ?, ?)",
        keyring.value(),
        key.value(),
        version.value(),
        KeyState.ACTIVE.label(),
        wrapped.bytes(),
        createdAt);
    return new KeyVersion(version, KeyState.ACTIVE, createdAt, wrapped);
  }

  private List<KeyEntry> keys(KeyringId keyring) {
    Map<KeyId, List<KeyVersion>> byKey = new LinkedHashMap<>();
    sql.list(
            "SELECT key_id, version, state, wrapped, created_at FROM key_versions WHERE keyring_id"
                + " = ? ORDER BY key_id, version",
            row -> {
              KeyVersion version =
                  new KeyVersion(
                      new VersionNumber(row.integer("version")),
                      KeyState.ofLabel(row.text("state")),
                      row.instant("created_at"),
                      new WrappedKey(row.bytes("wrapped")));
              return Map.entry(new KeyId(row.integer("key_id")), version);
            },
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
