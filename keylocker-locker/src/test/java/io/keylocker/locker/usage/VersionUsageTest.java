package io.keylocker.locker.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyState;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.VersionNumber;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionUsageTest {
  private static final KeyId KEY_1 = new KeyId(1);
  private static final KeyId KEY_2 = new KeyId(2);
  private static final UsageReport.LogKey REDO_V1 = new UsageReport.LogKey(KEY_1, 1);
  private static final List<UsageReport.Binlog> NO_BINLOGS = List.of();
  private static final Instant STARTED = Instant.parse("2025-12-31T00:00:00Z");

  private static UsageReport report(
      List<UsageReport.Tablespace> spaces,
      Optional<UsageReport.LogKey> redo,
      Optional<List<UsageReport.Binlog>> binlogs) {
    return new UsageReport(
        Instant.parse("2026-01-01T00:00:00Z"),
        new UsageReport.Database("MariaDB", "10.11.19-MariaDB", Optional.of(STARTED)),
        spaces,
        List.of(),
        redo,
        binlogs);
  }

  private static UsageReport spaces(UsageReport.Tablespace... spaces) {
    return report(List.of(spaces), Optional.of(REDO_V1), Optional.of(NO_BINLOGS));
  }

  private static UsageReport.Tablespace space(KeyId key, long min, boolean rotating) {
    return new UsageReport.Tablespace("db/t" + min, key, min, 3, rotating);
  }

  private static VersionUsage usage(UsageReport report, KeyId key, long version) {
    // superseded well before the database's last start: its temporary data does not use it
    return VersionUsage.of(
        Optional.of(report), key, version(version, "2025-12-01T00:00:00Z", Optional.of("2025-12-15T00:00:00Z")));
  }

  private static KeyVersion version(long number, String activated, Optional<String> deactivated) {
    Instant activatedAt = Instant.parse(activated);
    return new KeyVersion(
        new VersionNumber(number),
        deactivated.isPresent() ? KeyState.DEACTIVATED : KeyState.ACTIVE,
        activatedAt,
        Optional.empty(),
        new KeyVersion.VersionDates(
            Optional.of(activatedAt), deactivated.map(Instant::parse), Optional.empty(), Optional.empty()),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void versionActiveWhenTheDatabaseLastStarted_isInUseByTemporaryData_untilARestart() {
    UsageReport report = spaces();
    KeyVersion supersededAfterStart = version(1, "2025-12-01T00:00:00Z", Optional.of("2026-01-01T00:00:00Z"));
    KeyVersion supersededInTheStartSecond = version(1, "2025-12-01T00:00:00Z", Optional.of(STARTED.toString()));
    KeyVersion activatedAfterStart = version(2, "2025-12-31T00:00:01Z", Optional.of("2026-01-01T00:00:00Z"));

    assertThat(VersionUsage.of(Optional.of(report), KEY_2, supersededAfterStart).temporaryData()).isTrue();
    assertThat(VersionUsage.of(Optional.of(report), KEY_2, supersededInTheStartSecond).inUse()).isTrue();
    assertThat(VersionUsage.of(Optional.of(report), KEY_2, activatedAfterStart).temporaryData()).isFalse();
    assertThat(VersionUsage.of(Optional.of(report), KEY_2, supersededAfterStart).refusal(KEY_2, new VersionNumber(1)))
        .contains("version 1 of key 2 is still in use by the temporary data of the running database (until it restarts)");
  }

  @Test
  void unknownDatabaseStart_countsEveryOnceActiveVersionAsInUse() {
    UsageReport unknownStart =
        new UsageReport(
            Instant.parse("2026-01-01T00:00:00Z"),
            new UsageReport.Database("MariaDB", "10.11.19-MariaDB", Optional.empty()),
            List.of(),
            List.of(),
            Optional.of(REDO_V1),
            Optional.of(NO_BINLOGS));

    assertThat(usage(unknownStart, KEY_2, 1).temporaryData()).isTrue();
  }

  @Test
  void tablespaceWithMinVersionAtOrBelowV_keepsVInUse() {
    UsageReport report = spaces(space(KEY_2, 2, false), space(KEY_2, 3, false));

    assertThat(usage(report, KEY_2, 1).tablespaces()).isZero();
    assertThat(usage(report, KEY_2, 2).tablespaces()).isEqualTo(1);
    assertThat(usage(report, KEY_2, 3).tablespaces()).isEqualTo(2);
    assertThat(usage(report, KEY_2, 1).inUse()).isFalse();
  }

  @Test
  void tablespaceOfAnotherKey_doesNotCount() {
    assertThat(usage(spaces(space(KEY_1, 1, false)), KEY_2, 1).inUse()).isFalse();
  }

  @Test
  void rotatingTablespace_keepsEveryVersionInUse() {
    UsageReport report = spaces(space(KEY_2, 5, true));

    assertThat(usage(report, KEY_2, 1).tablespaces()).isEqualTo(1);
    assertThat(usage(report, KEY_2, 1).inUse()).isTrue();
  }

  @Test
  void minVersionZero_countsAsInUseByEveryVersion() {
    UsageReport report = spaces(space(KEY_2, 0, false));

    assertThat(usage(report, KEY_2, 1).tablespaces()).isEqualTo(1);
    assertThat(usage(report, KEY_2, 7).tablespaces()).isEqualTo(1);
  }

  @Test
  void redoLogVersion_keepsThatVersionOfKey1InUse_only() {
    UsageReport report = spaces();

    assertThat(usage(report, KEY_1, 1).redoLog()).isTrue();
    assertThat(usage(report, KEY_1, 1).byLogs()).isTrue();
    assertThat(usage(report, KEY_1, 2).inUse()).isFalse();
    assertThat(usage(report, KEY_2, 1).inUse()).isFalse();
  }

  @Test
  void binlogVersion_keepsThatVersionOfKey1InUse() {
    UsageReport report =
        report(
            List.of(),
            Optional.of(new UsageReport.LogKey(KEY_1, 3)),
            Optional.of(List.of(new UsageReport.Binlog("mariadb-bin.000001", KEY_1, 2))));

    assertThat(usage(report, KEY_1, 2).binlogs()).isTrue();
    assertThat(usage(report, KEY_1, 2).inUse()).isTrue();
    assertThat(usage(report, KEY_1, 1).inUse()).isFalse();
  }

  @Test
  void unknownRedoOrBinlogs_keepEveryVersionOfKey1InUse_butNotOtherKeys() {
    UsageReport noRedo = report(List.of(), Optional.empty(), Optional.of(NO_BINLOGS));
    UsageReport noBinlogs = report(List.of(), Optional.of(REDO_V1), Optional.empty());

    assertThat(usage(noRedo, KEY_1, 9).logsUnknown()).isTrue();
    assertThat(usage(noBinlogs, KEY_1, 9).inUse()).isTrue();
    assertThat(usage(noBinlogs, KEY_2, 9).inUse()).isFalse();
  }

  @Test
  void noReportYet_countsAsInUse() {
    VersionUsage usage = VersionUsage.of(Optional.empty(), KEY_2, version(1, "2025-12-01T00:00:00Z", Optional.empty()));

    assertThat(usage.inUse()).isTrue();
    assertThat(usage.refusal(KEY_2, new VersionNumber(1)))
        .contains(
            "version 1 of key 2 may still be in use: the server has not reported its usage yet");
  }

  @Test
  void refusal_namesEveryUser() {
    UsageReport report =
        report(
            List.of(space(KEY_1, 1, false), space(KEY_1, 0, false), space(KEY_1, 1, true)),
            Optional.of(REDO_V1),
            Optional.of(List.of(new UsageReport.Binlog("mariadb-bin.000002", KEY_1, 1))));

    assertThat(usage(report, KEY_1, 1).refusal(KEY_1, new VersionNumber(1)))
        .contains(
            "version 1 of key 1 is still in use by 3 tablespaces and the redo log and binary logs");
    assertThat(usage(spaces(space(KEY_2, 1, false)), KEY_2, 1).refusal(KEY_2, new VersionNumber(1)))
        .contains("version 1 of key 2 is still in use by 1 tablespace");
    assertThat(usage(spaces(), KEY_2, 1).refusal(KEY_2, new VersionNumber(1))).isEmpty();
  }
}
