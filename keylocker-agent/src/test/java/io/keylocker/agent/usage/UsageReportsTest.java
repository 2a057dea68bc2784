package io.keylocker.agent.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.usage.DatabaseSnapshot.NamedLog;
import io.keylocker.agent.usage.DatabaseSnapshot.TablespaceRow;
import io.keylocker.agent.usage.UsageReport.BinlogKey;
import io.keylocker.agent.usage.UsageReport.LogKey;
import io.keylocker.agent.usage.UsageReport.TablespaceUse;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report builder on synthetic rows. */
class UsageReportsTest {
  private static final Instant NOW = Instant.parse("2026-12-03T16:18:00Z");
  private static final LogEncryption KEY_1_V1 = new LogEncryption.Encrypted(1, 1);

  private static DatabaseSnapshot snapshot(List<TablespaceRow> rows, LogEncryption redo, Optional<List<NamedLog>> binlogs) {
    return new DatabaseSnapshot("MariaDB", "10.11.19-MariaDB", 3600, rows, List.of("shop/public_info", "shop/a"), redo, binlogs);
  }

  @Test
  void report_keepsEncryptedAndRotatingTablespaces_andDropsIdleUnencryptedOnes() {
    List<TablespaceRow> rows = List.of(
        new TablespaceRow("shop/cards", 1, 2, 1, 3, false),
        new TablespaceRow("shop/public_info", 0, 1, 0, 1, false),
        new TablespaceRow("shop/decrypting", 0, 1, 0, 1, true));

    UsageReport report = UsageReports.build(NOW, snapshot(rows, KEY_1_V1, Optional.of(List.of())));

    assertThat(report.observedAt()).isEqualTo(NOW);
    assertThat(report.startedAt()).as("observed_at minus the uptime").isEqualTo(NOW.minusSeconds(3600));
    assertThat(report.product()).isEqualTo("MariaDB");
    assertThat(report.tablespaces()).containsExactly(
        new TablespaceUse("shop/cards", 2, 1, 3, false), new TablespaceUse("shop/decrypting", 1, 0, 1, true));
    assertThat(report.unencrypted()).containsExactly("shop/a", "shop/public_info");
    assertThat(report.redoLog()).contains(new LogKey(1, 1));
  }

  @Test
  void binlogs_listEncryptedFiles_leaveOutPlainOnes_andAreUnknownWhenAnyFileIsUnreadable() {
    List<NamedLog> logs = List.of(
        new NamedLog("mariadb-bin.000001", new LogEncryption.Plain()),
        new NamedLog("mariadb-bin.000002", new LogEncryption.Encrypted(1, 2)));

    assertThat(UsageReports.build(NOW, snapshot(List.of(), KEY_1_V1, Optional.of(logs))).binlogs())
        .contains(List.of(new BinlogKey("mariadb-bin.000002", 1, 2)));

    List<NamedLog> oneUnreadable = List.of(logs.get(1), new NamedLog("mariadb-bin.000003", new LogEncryption.Unreadable("x")));
    assertThat(UsageReports.build(NOW, snapshot(List.of(), KEY_1_V1, Optional.of(oneUnreadable))).binlogs()).isEmpty();
    assertThat(UsageReports.build(NOW, snapshot(List.of(), KEY_1_V1, Optional.empty())).binlogs()).isEmpty();
    List<NamedLog> tooMany = Collections.nCopies(UsageReport.MAX_BINLOGS + 1, logs.get(1));
    assertThat(UsageReports.build(NOW, snapshot(List.of(), KEY_1_V1, Optional.of(tooMany))).binlogs()).isEmpty();
  }

  @Test
  void redoLog_unreadableOrPlain_isUnknown() {
    assertThat(UsageReports.build(NOW, snapshot(List.of(), new LogEncryption.Unreadable("x"), Optional.empty())).redoLog())
        .isEmpty();
    assertThat(UsageReports.build(NOW, snapshot(List.of(), new LogEncryption.Plain(), Optional.empty())).redoLog())
        .isEmpty();
  }

  @Test
  void moreTablespacesThanAReportHolds_isRefused_notTruncated() {
    List<TablespaceRow> rows = Collections.nCopies(UsageReport.MAX_TABLESPACES + 1, new TablespaceRow("a/b", 1, 1, 1, 1, false));

    assertThatThrownBy(() -> UsageReports.build(NOW, snapshot(rows, KEY_1_V1, Optional.empty())))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("more than a report may hold");
  }
}
