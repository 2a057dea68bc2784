package io.keylocker.locker.api;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.usage.UsageReport;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/** The body of {@code POST /v1/agent/usage} (docs/api.md, "Usage reports"). */
final class UsageDtos {
  /** Larger than other bodies: up to 100,000 tablespaces and 10,000 binlogs must fit. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private UsageDtos() {}

  record Usage(
      String observedAt,
      Database database,
      List<Tablespace> tablespaces,
      List<String> unencrypted,
      LogKey redoLog,
      List<Binlog> binlogs) {
    UsageReport toDomain() {
      return new UsageReport(
          instant(Fields.require(observedAt, "observed_at"), "observed_at"),
          Fields.require(database, "database").toDomain(),
          each(tablespaces, "tablespaces", UsageReport.MAX_TABLESPACES, Tablespace::toDomain),
          each(unencrypted, "unencrypted", UsageReport.MAX_UNENCRYPTED, (name, path) -> name),
          Optional.ofNullable(redoLog).map(log -> log.toDomain("redo_log")),
          Optional.ofNullable(binlogs)
              .map(files -> each(files, "binlogs", UsageReport.MAX_BINLOGS, Binlog::toDomain)));
    }
  }

  record Database(String product, String version, String startedAt) {
    UsageReport.Database toDomain() {
      String productName = Fields.require(product, "database.product");
      String versionName = Fields.require(version, "database.version");
      Optional<Instant> started = Optional.ofNullable(startedAt).map(t -> instant(t, "database.started_at"));
      return Fields.at("database", () -> new UsageReport.Database(productName, versionName, started));
    }
  }

  record Tablespace(
      String name, Long keyId, Long minKeyVersion, Long currentKeyVersion, Boolean rotating) {
    UsageReport.Tablespace toDomain(String path) {
      String spaceName = Fields.require(name, Fields.path(path, "name"));
      long id = Fields.require(keyId, Fields.path(path, "key_id"));
      long min = Fields.require(minKeyVersion, Fields.path(path, "min_key_version"));
      long current = Fields.require(currentKeyVersion, Fields.path(path, "current_key_version"));
      boolean busy = Fields.require(rotating, Fields.path(path, "rotating"));
      return Fields.at(
          path, () -> new UsageReport.Tablespace(spaceName, new KeyId(id), min, current, busy));
    }
  }

  record LogKey(Long keyId, Long keyVersion) {
    UsageReport.LogKey toDomain(String path) {
      long id = Fields.require(keyId, Fields.path(path, "key_id"));
      long version = Fields.require(keyVersion, Fields.path(path, "key_version"));
      return Fields.at(path, () -> new UsageReport.LogKey(new KeyId(id), version));
    }
  }

  record Binlog(String file, Long keyId, Long keyVersion) {
    UsageReport.Binlog toDomain(String path) {
      String fileName = Fields.require(file, Fields.path(path, "file"));
      long id = Fields.require(keyId, Fields.path(path, "key_id"));
      long version = Fields.require(keyVersion, Fields.path(path, "key_version"));
      return Fields.at(path, () -> new UsageReport.Binlog(fileName, new KeyId(id), version));
    }
  }

  /** Converts each element of a required list, refusing an oversized list before converting. */
  private static <D, T> List<T> each(
      List<D> values, String field, int max, BiFunction<D, String, T> convert) {
    Fields.require(values, field);
    if (values.size() > max) {
      throw new LockerException.Invalid(field + " must not hold more than " + max + " entries");
    }
    List<T> converted = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String path = field + "[" + i + "]";
      converted.add(convert.apply(Fields.require(values.get(i), path), path));
    }
    return converted;
  }

  private static Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new LockerException.Invalid(field + " must be an RFC 3339 UTC time");
    }
  }
}
