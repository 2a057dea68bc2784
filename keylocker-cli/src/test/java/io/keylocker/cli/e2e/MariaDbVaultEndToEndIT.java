package io.keylocker.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import io.keylocker.testing.Hvac;
import io.keylocker.testing.MariaDbServer;
import io.keylocker.testing.Poll;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vertical slice, end to end, with real parts only: a locker process, an agent process
 * enrolled and unlocked through the CLI, an unmodified MariaDB 10.11 with Debian's
 * hashicorp_key_management plugin configured with {@code agent mariadb-config}'s output, and
 * Debian's hvac as an independent Vault client. One MariaDB for the class; the tests run in order
 * because they follow one deployment's life.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MariaDbVaultEndToEndIT {
  private static final String CANARY = "KEYLOCKER-CANARY-7f3a9c";
  private static final String PLAIN_CANARY = "KEYLOCKER-PLAINTEXT-CONTROL-41d2";

  @TempDir static Path root;
  private Deployment deployment;
  private MariaDbServer mariadb;

  @BeforeAll
  void deploy() {
    MariaDbServer.requireInstalled("hashicorp_key_management");
    Hvac.requireInstalled();
    deployment = new Deployment(root);
    deployment.startLocker();
    deployment.enrollAndInit("acme", "db1");
    deployment.startAgent();
    deployment.unlock();
    deployment.cli.ok("agent", "key", "create", "--state-dir", deployment.agentState.toString(), "--id", "2");
    Path publicCa = root.resolve("etc-mysql").resolve("keylocker-vault-ca.pem");
    Deployment.write(publicCa, "");
    String config =
        deployment.cli.ok(
            "agent", "mariadb-config", "--state-dir", deployment.agentState.toString(), "--vault-ca-out", publicCa.toString());
    assertThat(config)
        .contains("plugin-load-add=hashicorp_key_management")
        .contains(deployment.vaultAddress() + "/v1/")
        .contains("hashicorp-key-management-vault-ca=" + publicCa);
    mariadb = MariaDbServer.create(root.resolve("mariadb"));
    mariadb.configure(config);
    mariadb.start();
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
  void encryptedTables_explicitAndDefault_surviveRestart() throws SQLException {
    mariadb.execute(
        "CREATE DATABASE shop",
        "CREATE TABLE shop.cards (id INT PRIMARY KEY, pan VARCHAR(64)) ENGINE=InnoDB ENCRYPTED=YES ENCRYPTION_KEY_ID=2",
        "CREATE TABLE shop.orders (id INT PRIMARY KEY, note VARCHAR(64)) ENGINE=InnoDB",
        "CREATE TABLE shop.public_info (id INT PRIMARY KEY, note VARCHAR(64)) ENGINE=InnoDB ENCRYPTED=NO",
        "INSERT INTO shop.cards VALUES (1, '" + CANARY + "-card')",
        "INSERT INTO shop.orders VALUES (1, '" + CANARY + "-order')",
        "INSERT INTO shop.public_info VALUES (1, '" + PLAIN_CANARY + "')");
    Map<String, Integer> keyIds = encryptionKeyIds();
    assertThat(keyIds).containsEntry("shop/cards", 2).containsEntry("shop/orders", 1).doesNotContainKey("shop/public_info");

    mariadb.restart();

    assertThat(mariadb.queryOne("SELECT pan FROM shop.cards WHERE id = 1")).isEqualTo(CANARY + "-card");
    assertThat(mariadb.queryOne("SELECT note FROM shop.orders WHERE id = 1")).isEqualTo(CANARY + "-order");
    assertThat(mariadb.queryOne("SELECT @@innodb_encrypt_log")).isEqualTo("1");
    assertThat(mariadb.queryOne("SELECT @@encrypt_binlog")).isEqualTo("1");
  }

  @Test
  @Order(2)
  void canary_isAbsentFromTablespacesRedoLogAndBinlog() {
    // The clean shutdown of the restart above flushed every page; the unencrypted table is the
    // positive control that proves the scan would see plaintext if it were there.
    Path shop = mariadb.datadir().resolve("shop");
    assertThat(DiskScan.contains(shop.resolve("public_info.ibd"), PLAIN_CANARY)).isTrue();
    assertThat(DiskScan.contains(shop.resolve("cards.ibd"), CANARY)).isFalse();
    assertThat(DiskScan.contains(shop.resolve("orders.ibd"), CANARY)).isFalse();
    assertThat(DiskScan.contains(mariadb.datadir().resolve("ib_logfile0"), CANARY)).isFalse();
    List<Path> binlogs = list(mariadb.binlogDir(), "mariadb-bin.0");
    assertThat(binlogs).isNotEmpty();
    for (Path binlog : binlogs) {
      assertThat(DiskScan.contains(binlog, CANARY)).as("%s", binlog).isFalse();
      assertThat(DiskScan.contains(binlog, PLAIN_CANARY)).as("%s", binlog).isFalse();
    }
  }

  @Test
  @Order(3)
  void hvac_readsTheSameKeysMariaDbRead() {
    Hvac.Read key1 = hvacRead("1", "latest");
    Hvac.Read key2 = hvacRead("2", "1");
    assertThat(key1.version()).isEqualTo(1);
    assertThat(key1.hex()).matches("[0-9a-f]{64}");
    assertThat(key2.hex()).matches("[0-9a-f]{64}").isNotEqualTo(key1.hex());
    assertThat(hvacRead("1", "1").hex()).isEqualTo(key1.hex());
    // The agent counted what it delivered: MariaDB fetched key 1 and key 2 version 1.
    String status = deployment.cli.ok("agent", "status", "--state-dir", deployment.agentState.toString(), "--format", "json");
    assertThat(status).contains("\"unlocked\"");
    assertThat(deliveries(status, 1, 1)).isPositive();
    assertThat(deliveries(status, 2, 1)).isPositive();
  }

  @Test
  @Order(4)
  void servedKeys_areNowhereOnDisk_ofLockerOrAgent() {
    List<byte[]> needles = new ArrayList<>();
    needles.addAll(DiskScan.encodingsOfKey(hvacRead("1", "1").hex()));
    needles.addAll(DiskScan.encodingsOfKey(hvacRead("2", "1").hex()));
    assertThat(DiskScan.filesContaining(deployment.lockerData, needles)).isEmpty();
    assertThat(DiskScan.filesContaining(deployment.agentState, needles)).isEmpty();
    // the locker does hold the wrapped keyring: the scan looked at a real database
    assertThat(Files.exists(deployment.lockerData.resolve("keylocker.db"))).isTrue();
  }

  @Test
  @Order(5)
  void lockedAgent_mariaDbRestart_neverReadsPlaintext() throws SQLException {
    deployment.lock();
    mariadb.stop();
    Optional<String> failure = mariadb.tryStart(Duration.ofSeconds(60));
    if (failure.isEmpty()) {
      // It came up without key 1: encrypted tables must be unreadable.
      assertThatThrownBy(() -> mariadb.queryOne("SELECT pan FROM shop.cards WHERE id = 1")).isInstanceOf(SQLException.class);
      mariadb.stop();
    } else {
      assertThat(failure.get()).contains("mariadbd exited");
    }
    assertThat(mariadb.errorLogText()).containsIgnoringCase("hashicorp");

    deployment.unlock();
    mariadb.start();
    assertThat(mariadb.queryOne("SELECT pan FROM shop.cards WHERE id = 1")).isEqualTo(CANARY + "-card");
  }

  @Test
  @Order(6)
  void lockerDown_agentUnlocksFromItsWrappedCache_andMariaDbRestarts() throws SQLException {
    deployment.stopLocker();
    deployment.lock();
    deployment.unlock();
    mariadb.restart();
    assertThat(mariadb.queryOne("SELECT note FROM shop.orders WHERE id = 1")).isEqualTo(CANARY + "-order");
  }

  @Test
  @Order(7)
  void revokedServer_agentWipesItsKeysWithinSeconds_runningMariaDbKeepsItsKeys_butCannotRestart()
      throws Exception {
    deployment.startLocker();
    Poll.until(Duration.ofSeconds(60), "the agent to reach the locker again", () -> agentStatus().contains("\"unreachable_since\" : null"));

    long started = System.nanoTime();
    deployment.cli.ok("server", "revoke", "--tenant", "acme", "db1", "--reason", "host stolen");
    Poll.until(Duration.ofSeconds(5), "the agent to learn of the revocation", () -> !agentStatus().contains("\"revoked_at\" : null"));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(agentStatus()).contains("\"unlocked\" : false");
    assertThat(vaultStatus("/v1/mariadb/data/1")).isEqualTo(503);
    assertThat(Files.exists(deployment.agentState.resolve("keyring-cache.json"))).isFalse();
    assertThat(deployment.cli.ok("server", "list", "--tenant", "acme")).contains("revoked");
    // MariaDB keeps the keys it already loaded: the documented limit of a revocation.
    assertThat(mariadb.queryOne("SELECT note FROM shop.orders WHERE id = 1")).isEqualTo(CANARY + "-order");

    mariadb.stop();
    Optional<String> failure = mariadb.tryStart(Duration.ofSeconds(60));
    if (failure.isEmpty()) {
      assertThatThrownBy(() -> mariadb.queryOne("SELECT pan FROM shop.cards WHERE id = 1")).isInstanceOf(SQLException.class);
      mariadb.stop();
    } else {
      assertThat(failure.get()).contains("mariadbd exited");
    }
    Cli.Result unlock =
        deployment.cli.run("agent", "unlock", "--state-dir", deployment.agentState.toString(), "--passphrase-file", deployment.passphraseFile.toString());
    assertThat(unlock.exit()).isEqualTo(1);
    assertThat(unlock.err()).contains("this server was revoked by the locker; re-enroll");
  }

  private String agentStatus() {
    return deployment.cli.ok("agent", "status", "--state-dir", deployment.agentState.toString(), "--format", "json");
  }

  /** The Vault edge's HTTP status for {@code path} (trusting only its CA, with the database's token). */
  private int vaultStatus(String path) throws Exception {
    X509Certificate ca = Pem.certificate(Files.readString(deployment.agentState.resolve("vault-ca.pem")));
    try (HttpClient client = HttpClient.newBuilder().sslContext(TlsContexts.client(ca, Optional.empty())).build()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(deployment.vaultAddress() + path)).header("X-Vault-Token", deployment.vaultToken()).build();
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  private Hvac.Read hvacRead(String path, String version) {
    return Hvac.readKey(
        deployment.vaultAddress(), deployment.vaultToken(), deployment.agentState.resolve("vault-ca.pem"), "mariadb", path, version);
  }

  /** Delivery count for (key id, version) from {@code agent status --format json}. */
  private static long deliveries(String statusJson, long keyId, long version) {
    var matcher =
        java.util.regex.Pattern.compile(
                "\\{[^{}]*\"key_id\"\\s*:\\s*" + keyId + "\\s*,[^{}]*\"version\"\\s*:\\s*" + version + "[^{}]*\"deliveries\"\\s*:\\s*(\\d+)")
            .matcher(statusJson);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
  }

  private Map<String, Integer> encryptionKeyIds() throws SQLException {
    Map<String, Integer> ids = new TreeMap<>();
    try (Connection c = mariadb.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT NAME, CURRENT_KEY_ID FROM information_schema.INNODB_TABLESPACES_ENCRYPTION"
                    + " WHERE NAME LIKE 'shop/%' AND ENCRYPTION_SCHEME = 1")) {
      while (rs.next()) {
        ids.put(rs.getString(1), rs.getInt(2));
      }
    }
    return ids;
  }



  private static List<Path> list(Path dir, String prefix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
