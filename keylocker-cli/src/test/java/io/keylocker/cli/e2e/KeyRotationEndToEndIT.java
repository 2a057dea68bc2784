package io.keylocker.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keylocker.testing.Hvac;
import io.keylocker.testing.MariaDbServer;
import io.keylocker.testing.Poll;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation and retirement on a real MariaDB: the locker queues rotations, the agent makes the new
 * versions, MariaDB re-encrypts (innodb_encryption_rotate_key_age=1), the agent reports what the
 * database still uses, and only an unused version can be destroyed. One deployment's life, in
 * order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyRotationEndToEndIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MONITOR_PASSWORD = "monitor-password-9f2c";

  @TempDir static Path root;
  private Deployment deployment;
  private MariaDbServer mariadb;

  @BeforeAll
  void deploy() throws SQLException {
    MariaDbServer.requireInstalled("hashicorp_key_management");
    Hvac.requireInstalled();
    mariadb = MariaDbServer.create(root.resolve("mariadb"));
    deployment = new Deployment(root);
    deployment.startLocker();
    deployment.enrollAndInit("acme", "db1");
    Path monitorPassword = root.resolve("monitor-password");
    Deployment.write(monitorPassword, MONITOR_PASSWORD + "\n");
    deployment.startAgent(
        "--db-url", "jdbc:mariadb://127.0.0.1:" + mariadb.port() + "/",
        "--db-user", "keylocker_monitor",
        "--db-password-file", monitorPassword.toString(),
        "--db-interval", "1");
    deployment.unlock();
    deployment.cli.ok("agent", "key", "create", "--state-dir", deployment.agentState.toString(), "--id", "2");
    mariadb.configure(mariadbConfig());
    mariadb.start();
    mariadb.execute(
        "CREATE USER keylocker_monitor@'127.0.0.1' IDENTIFIED BY '" + MONITOR_PASSWORD + "'",
        "GRANT PROCESS, BINLOG MONITOR ON *.* TO keylocker_monitor@'127.0.0.1'",
        "CREATE DATABASE shop",
        "CREATE TABLE shop.cards (id INT PRIMARY KEY, pan VARCHAR(64)) ENCRYPTED=YES",
        "CREATE TABLE shop.orders (id INT PRIMARY KEY, note VARCHAR(64))",
        "CREATE TABLE shop.public_info (id INT PRIMARY KEY, note VARCHAR(64)) ENCRYPTED=NO",
        "CREATE TABLE shop.archive (id INT PRIMARY KEY, note VARCHAR(64)) ENCRYPTED=YES ENCRYPTION_KEY_ID=2",
        "INSERT INTO shop.archive VALUES (1, 'archived')");
    for (int i = 1; i <= 200; i++) {
      mariadb.execute("INSERT INTO shop.cards VALUES (" + i + ", 'card-" + i + "')", "INSERT INTO shop.orders VALUES (" + i + ", 'order-" + i + "')");
    }
  }

  @AfterAll
  void tearDown() {
    if (mariadb != null) {
      mariadb.close();
    }
    if (deployment != null) {
      deployment.close();
    }
  }

  @Test
  @Order(1)
  void agentReports_whatTheDatabaseUses() {
    try {
      Poll.until(Duration.ofSeconds(30), "a usage report", () -> keyring().path("usage_reported_at").isTextual());
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; agent log:\n" + deployment.agentLog(), e);
    }
    assertThat(keyring().path("unencrypted_tables").toString()).contains("shop/public_info");
    assertThat(version(1, 1).path("in_use_by_tablespaces").asInt()).isPositive();
  }

  @Test
  @Order(2)
  void rotateTwice_agentMakesTheVersionsWithinSeconds_andMariaDbReencrypts() throws SQLException {
    for (int expected = 2; expected <= 3; expected++) {
      Instant asked = Instant.now();
      deployment.cli.ok("key", "rotate", "--tenant", "acme", "--server", "db1", "--key", "1");
      int version = expected;
      Poll.until(Duration.ofSeconds(15), "version " + version + " active", () -> "active".equals(version(1, version).path("state").asText()));
      assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(10));
      assertThat(version(1, version - 1).path("state").asText()).isEqualTo("deactivated");
    }
    assertThat(hvacLatestVersion()).isEqualTo(3);
    // rotate_key_age=1: pages with version 1 are rewritten once version 3 is the latest
    Poll.until(Duration.ofSeconds(120), "every key-1 tablespace re-encrypted to version >= 2", this::allReencrypted);
  }

  @Test
  @Order(3)
  void version1_isRefusedWhileLogsNeedIt_thenDestroyedOnceUnused() throws SQLException {
    // The redo log and the current binlog were written under version 1.
    Poll.until(Duration.ofSeconds(30), "tablespaces no longer use version 1", () -> version(1, 1).path("in_use_by_tablespaces").asInt() == 0);
    Cli.Result refused = destroy(1, 1);
    assertThat(refused.exit()).as("%s", refused).isEqualTo(1);
    assertThat(refused.err()).contains("in use");

    // New binlog under the latest version, purge the old ones, rebuild the redo log (a new size).
    mariadb.execute("FLUSH BINARY LOGS");
    purgeToCurrentBinlog();
    mariadb.stop();
    mariadb.configure(mariadbConfig() + "\ninnodb_log_file_size=64M\n");
    mariadb.start();

    Poll.until(Duration.ofSeconds(30), "version 1 unused by tablespaces and logs",
        () -> version(1, 1).path("in_use_by_tablespaces").asInt() == 0 && !version(1, 1).path("in_use_by_logs").asBoolean(true));
    Cli.Result destroyed = destroy(1, 1);
    assertThat(destroyed.exit()).as("%s", destroyed).isZero();
    Poll.until(Duration.ofSeconds(90), "version 1 destroyed", () -> "destroyed".equals(version(1, 1).path("state").asText()));
  }

  @Test
  @Order(4)
  void afterDestroy_mariaDbRestarts_andEveryRowReadsBack() throws SQLException {
    mariadb.restart();
    assertThat(mariadb.queryOne("SELECT COUNT(*) FROM shop.cards")).isEqualTo("200");
    assertThat(mariadb.queryOne("SELECT note FROM shop.orders WHERE id = 200")).isEqualTo("order-200");
    Hvac.Result gone =
        Hvac.script(
            "import sys, hvac\n"
                + "c = hvac.Client(url=sys.argv[1], token=sys.argv[2], verify=sys.argv[3])\n"
                + "try:\n  c.secrets.kv.v2.read_secret_version(path='1', version=1, mount_point='mariadb')\n  print('served')\n"
                + "except hvac.exceptions.InvalidPath:\n  print('404')\n",
            deployment.vaultAddress(), deployment.vaultToken(), deployment.agentState.resolve("vault-ca.pem").toString());
    assertThat(gone.output().trim()).isEqualTo("404");
  }

  @Test
  @Order(5)
  void destroyingTheActiveVersion_orAVersionTablespacesStillUse_isRefused() {
    Cli.Result active = destroy(1, 3);
    assertThat(active.exit()).as("%s", active).isEqualTo(1);
    assertThat(active.err()).contains("active");

    // One rotation of key 2: with rotate_key_age=1 MariaDB keeps pages under version 1.
    deployment.cli.ok("key", "rotate", "--tenant", "acme", "--server", "db1", "--key", "2");
    Poll.until(Duration.ofSeconds(15), "key 2 version 2 active", () -> "active".equals(version(2, 2).path("state").asText()));
    Poll.until(Duration.ofSeconds(30), "a report showing key 2 version 1 in use", () -> version(2, 1).path("in_use_by_tablespaces").asInt() > 0);
    Cli.Result inUse = destroy(2, 1);
    assertThat(inUse.exit()).as("%s", inUse).isEqualTo(1);
    assertThat(inUse.err()).contains("in use by");
    assertThat(version(2, 1).path("state").asText()).isEqualTo("deactivated");
  }

  private Cli.Result destroy(int key, int version) {
    return deployment.cli.run(
        "key", "destroy", "--tenant", "acme", "--server", "db1", "--key", String.valueOf(key), "--version", String.valueOf(version), "--grace", "0s");
  }

  private String mariadbConfig() {
    return deployment.cli.ok("agent", "mariadb-config", "--state-dir", deployment.agentState.toString());
  }

  private JsonNode keyring() {
    try {
      return JSON.readTree(deployment.cli.ok("key", "show", "--tenant", "acme", "--server", "db1", "--format", "json"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonNode version(int keyId, int version) {
    for (JsonNode key : keyring().path("keys")) {
      if (key.path("key_id").asInt() == keyId) {
        for (JsonNode v : key.path("versions")) {
          if (v.path("version").asInt() == version) {
            return v;
          }
        }
      }
    }
    return JSON.missingNode();
  }

  private long hvacLatestVersion() {
    return Hvac.readKey(deployment.vaultAddress(), deployment.vaultToken(), deployment.agentState.resolve("vault-ca.pem"), "mariadb", "1", "latest")
        .version();
  }

  private boolean allReencrypted() {
    try {
      return "0".equals(
          mariadb.queryOne(
              "SELECT COUNT(*) FROM information_schema.INNODB_TABLESPACES_ENCRYPTION"
                  + " WHERE CURRENT_KEY_ID = 1 AND ENCRYPTION_SCHEME = 1 AND (MIN_KEY_VERSION < 2 OR ROTATING_OR_FLUSHING = 1)"));
    } catch (SQLException e) {
      return false;
    }
  }

  private void purgeToCurrentBinlog() throws SQLException {
    try (Connection c = mariadb.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
      assertThat(rs.next()).isTrue();
      String current = rs.getString(1);
      s.execute("PURGE BINARY LOGS TO '" + current + "'");
    }
  }


}
