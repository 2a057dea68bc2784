package io.keylocker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.agent.control.AgentStatus;
import io.keylocker.agent.lockerclient.FakeLocker;
import io.keylocker.agent.usage.DatabaseSnapshot;
import io.keylocker.agent.usage.DatabaseSnapshot.NamedLog;
import io.keylocker.agent.usage.DatabaseSnapshot.TablespaceRow;
import io.keylocker.agent.usage.LogEncryption;
import io.keylocker.agent.usage.LogHeaders;
import io.keylocker.agent.usage.MariaDbProbe;
import io.keylocker.agent.usage.UsageSettings;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.testing.MariaDbServer;
import io.keylocker.testing.Poll;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage monitor against a real MariaDB 10.11 with file_key_management (key 1 version 1),
 * encrypted tables, redo log and binary log: the queries work with a monitoring account, the
 * header parsers read version 1 from the files MariaDB wrote, and the agent reports it.
 */
class UsageAgainstMariaDbTest {
  private static final String MONITOR_PASSWORD = "monitor-pw-5f2a9c";
  private static final LogEncryption KEY_1_V1 = new LogEncryption.Encrypted(1, 1);

  @TempDir static Path temp;
  private static MariaDbServer db;
  private static Path passwordFile;

  @BeforeAll
  static void startMariaDb() throws Exception {
    MariaDbServer.requireInstalled("file_key_management");
    Path keys = temp.resolve("keys.txt");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.writeString(keys, "1;" + HexFormat.of().formatHex(key) + "\n");
    db = MariaDbServer.create(temp.resolve("mariadb"));
    db.configure("plugin-load-add=file_key_management\nfile_key_management_filename=" + keys
        + "\ninnodb_encrypt_tables=ON\ninnodb_encrypt_log=ON\nencrypt_binlog=ON\n");
    db.start();
    try (Connection connection = db.connect(); Statement sql = connection.createStatement()) {
      sql.execute("CREATE DATABASE shop");
      sql.execute("CREATE TABLE shop.cards (id INT PRIMARY KEY) ENCRYPTED=YES");
      sql.execute("CREATE TABLE shop.public_info (id INT PRIMARY KEY) ENCRYPTED=NO");
      sql.execute("CREATE USER monitor@'%' IDENTIFIED BY '" + MONITOR_PASSWORD + "'");
      sql.execute("GRANT PROCESS, BINLOG MONITOR ON *.* TO monitor@'%'");
    }
    passwordFile = temp.resolve("db-password");
    Files.writeString(passwordFile, MONITOR_PASSWORD + "\n");
  }

  @AfterAll
  static void stopMariaDb() {
    if (db != null) {
      db.close();
    }
  }

  private static UsageSettings settings() {
    return new UsageSettings("jdbc:mariadb://127.0.0.1:" + db.port() + "/", "monitor", Optional.of(passwordFile),
        Duration.ofSeconds(1));
  }

  @Test
  void headerParsers_readKeyOneVersionOne_fromTheFilesMariaDbWrote() throws Exception {
    assertThat(LogHeaders.read(db.datadir().resolve("ib_logfile0"), LogHeaders::redoLog)).isEqualTo(KEY_1_V1);
    assertThat(LogHeaders.read(db.binlogDir().resolve("mariadb-bin.000001"), LogHeaders::binlog)).isEqualTo(KEY_1_V1);
  }

  @Test
  void probe_withAMonitoringAccount_seesTablespacesUnencryptedTablesRedoLogAndBinlogs() {
    DatabaseSnapshot snapshot;
    try (MariaDbProbe probe = MariaDbProbe.open(settings())) {
      snapshot = probe.snapshot();
    }

    assertThat(snapshot.product()).isEqualTo("MariaDB");
    assertThat(snapshot.version()).startsWith("10.11");
    assertThat(snapshot.tablespaces()).contains(new TablespaceRow("shop/cards", 1, 1, 1, 1, false));
    assertThat(snapshot.unencrypted()).contains("shop/public_info").doesNotContain("shop/cards")
        .noneMatch(name -> name.startsWith("mysql/"));
    assertThat(snapshot.redoLog()).isEqualTo(KEY_1_V1);
    assertThat(snapshot.binlogs().orElseThrow()).contains(new NamedLog("mariadb-bin.000001", KEY_1_V1));
  }

  @Test
  void agentRun_withDbUrl_reportsUsageToTheLocker_andStatusShowsTheLastReport() throws Exception {
    AgentOperations operations = new AgentOperations(new SecureRandom());
    Path stateDir = temp.resolve("agent");
    try (FakeLocker locker = new FakeLocker()) {
      operations.enroll(stateDir, locker.token());
      try (SecretBytes passphrase = SecretBytes.copyOf("correct horse battery staple".getBytes(StandardCharsets.UTF_8))) {
        operations.init(stateDir, passphrase);
      }
      AgentConfig config = new AgentConfig(stateDir, "127.0.0.1", 0, "mariadb", Optional.of(settings()), Clock.systemUTC());
      try (AgentDaemon daemon = AgentDaemon.start(config)) {
        Poll.until(Duration.ofSeconds(20), "a usage report", () -> !locker.usageReports.isEmpty());
        JsonNode report = locker.usageReports.getFirst();

        assertThat(report.at("/database/product").asText()).isEqualTo("MariaDB");
        assertThat(report.get("tablespaces").findValuesAsText("name")).contains("shop/cards").doesNotContain("shop/public_info");
        assertThat(report.get("unencrypted").toString()).contains("\"shop/public_info\"");
        assertThat(report.get("redo_log").toString()).isEqualTo("{\"key_id\":1,\"key_version\":1}");
        assertThat(report.at("/binlogs/0").toString())
            .isEqualTo("{\"file\":\"mariadb-bin.000001\",\"key_id\":1,\"key_version\":1}");
        assertThat(report.toString()).doesNotContain(MONITOR_PASSWORD);
        Poll.until(Duration.ofSeconds(10), "the status shows the report",
            () -> operations.control(stateDir).status().usageReporting().lastSent() != null);
        AgentStatus.UsageReporting status = operations.control(stateDir).status().usageReporting();
        assertThat(status.enabled()).isTrue();
        assertThat(status.lastSent()).isTrue();
        assertThat(status.lastMessage()).contains("redo log key 1 version 1");
      }
    }
  }
}
