package io.keylocker.locker.keyrings;

import io.keylocker.locker.storage.Sql;
import java.sql.SQLException;
import java.util.Optional;

/** Reads a {@code key_versions} row into a {@link KeyVersion}. */
final class KeyVersionRows {
  private KeyVersionRows() {}

  static KeyVersion version(Sql.Row row) throws SQLException {
    Optional<String> blockedBy = row.optionalText("destroy_blocked");
    return new KeyVersion(
        new VersionNumber(row.integer("version")),
        KeyState.ofLabel(row.text("state")),
        row.instant("created_at"),
        Optional.ofNullable(row.bytes("wrapped")).map(WrappedKey::new),
        new KeyVersion.VersionDates(
            row.optionalInstant("activated_at"),
            row.optionalInstant("deactivated_at"),
            row.optionalInstant("compromised_at"),
            row.optionalInstant("destroyed_at")),
        row.optionalText("compromise_reason"),
        row.optionalInstant("destroy_scheduled_for")
            .map(due -> new KeyVersion.PendingDestroy(due, blockedBy)));
  }
}
