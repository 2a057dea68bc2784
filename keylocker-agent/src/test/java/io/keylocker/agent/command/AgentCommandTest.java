package io.keylocker.agent.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keylocker.agent.AgentConfig;
import io.keylocker.agent.AgentDaemon;
import io.keylocker.agent.lockerclient.FakeLocker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI's contract: exit codes of docs/api.md, one {@code keylocker: } line on stderr, no secrets. */
class AgentCommandTest {
  private static final String PASSPHRASE = "correct horse battery staple";

  @TempDir Path temp;
  private FakeLocker locker;
  private Path stateDir;
  private Path passphraseFile;
  private String out;
  private String err;

  @BeforeEach
  void start() throws Exception {
    locker = new FakeLocker();
    stateDir = temp.resolve("agent");
    passphraseFile = file("passphrase", PASSPHRASE + "\n");
  }

  @AfterEach
  void stop() throws Exception {
    locker.close();
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
  }

  private int run(String... args) {
    StringWriter outText = new StringWriter();
    StringWriter errText = new StringWriter();
    int code = new CommandLine(new AgentCommand())
        .setOut(new PrintWriter(outText, true))
        .setErr(new PrintWriter(errText, true))
        .execute(args);
    out = outText.toString();
    err = errText.toString();
    return code;
  }

  private void assertOneErrorLine(String containing) {
    assertThat(err).startsWith("keylocker: ").contains(containing).endsWith("\n");
    assertThat(err.strip()).doesNotContain("\n").doesNotContain("\tat ");
  }

  private void enroll() {
    assertThat(run("enroll", "--state-dir", stateDir.toString(), "--token", locker.token())).isZero();
  }

  @Test
  void enroll_printsWhoWeAre_andRefusesASecondEnrollment() throws Exception {
    Path tokenFile = file("token", locker.token() + "\n");

    assertThat(run("enroll", "--state-dir", stateDir.toString(), "--token-file", tokenFile.toString())).isZero();
    assertThat(out).contains("enrolled as acme/db1 with the locker at " + locker.address());

    assertThat(run("enroll", "--state-dir", stateDir.toString(), "--token", locker.token())).isEqualTo(1);
    assertOneErrorLine("already enrolled");
  }

  @Test
  void enroll_withAMalformedOrMissingToken_isAUsageError() {
    assertThat(run("enroll", "--state-dir", stateDir.toString(), "--token", "kle1.%%%")).isEqualTo(2);
    assertOneErrorLine("the enrollment token is malformed");
    assertThat(Files.exists(stateDir)).isFalse();

    assertThat(run("enroll", "--state-dir", stateDir.toString())).isEqualTo(2);
  }

  @Test
  void init_refusesAShortPassphrase_withoutPrintingIt() throws Exception {
    enroll();
    Path weak = file("weak", "short pass\n");

    assertThat(run("init", "--state-dir", stateDir.toString(), "--passphrase-file", weak.toString())).isEqualTo(2);
    assertOneErrorLine("at least 12 characters");
    assertThat(err + out).doesNotContain("short pass");
  }

  @Test
  void init_withoutAFileOrATerminal_isAUsageError() {
    enroll();

    assertThat(run("init", "--state-dir", stateDir.toString())).isEqualTo(2);
    assertOneErrorLine("--passphrase-file");
  }

  @Test
  void init_beforeEnrolling_isNotFound() {
    assertThat(run("init", "--state-dir", stateDir.toString(), "--passphrase-file", passphraseFile.toString()))
        .isEqualTo(5);
    assertOneErrorLine("no agent state directory");
  }

  @Test
  void daemonCommands_withoutADaemon_cannotReachTheAgent() throws Exception {
    enroll();
    for (String[] args : new String[][] {
        {"status", "--state-dir", stateDir.toString()},
        {"lock", "--state-dir", stateDir.toString()},
        {"unlock", "--state-dir", stateDir.toString(), "--passphrase-file", passphraseFile.toString()},
        {"key", "create", "--state-dir", stateDir.toString(), "--id", "5"}}) {
      assertThat(run(args)).as(String.join(" ", args)).isEqualTo(3);
      assertOneErrorLine("the agent is not running");
    }
  }

  @Test
  void keyCreate_withAnOutOfRangeId_isAUsageError() {
    assertThat(run("key", "create", "--state-dir", stateDir.toString(), "--id", "4294967296")).isEqualTo(2);
    assertOneErrorLine("key ids are from 1 to 4294967295");
    assertThat(run("key", "create", "--state-dir", stateDir.toString(), "--id", "abc")).isEqualTo(2);
  }

  @Test
  void missingSubcommand_isAUsageError() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("key")).isEqualTo(2);
  }

  @Test
  void mariadbConfig_beforeTheFirstRun_isNotFound() {
    enroll();

    assertThat(run("mariadb-config", "--state-dir", stateDir.toString())).isEqualTo(5);
    assertOneErrorLine("keylocker agent run");
  }

  @Test
  void fullFlow_initUnlockStatusKeyCreateLock_withTheRightExitCodes() throws Exception {
    enroll();
    assertThat(run("init", "--state-dir", stateDir.toString(), "--passphrase-file", passphraseFile.toString())).isZero();
    assertThat(run("init", "--state-dir", stateDir.toString(), "--passphrase-file", passphraseFile.toString()))
        .isEqualTo(1);
    assertOneErrorLine("keyring already exists");

    try (AgentDaemon daemon = AgentDaemon.start(new AgentConfig(stateDir, "127.0.0.1", 0, "mariadb", Optional.empty(), Clock.systemUTC()))) {
      Path wrong = file("wrong", "not the right passphrase\n");
      assertThat(run("unlock", "--state-dir", stateDir.toString(), "--passphrase-file", wrong.toString())).isEqualTo(4);
      assertOneErrorLine("wrong passphrase");

      assertThat(run("unlock", "--state-dir", stateDir.toString(), "--passphrase-file", passphraseFile.toString())).isZero();
      assertThat(run("key", "create", "--state-dir", stateDir.toString(), "--id", "3")).isZero();
      assertThat(out).startsWith("created key 3 version 1");
      assertThat(run("key", "create", "--state-dir", stateDir.toString(), "--id", "3")).isEqualTo(1);
      assertOneErrorLine("already exists");

      assertThat(run("status", "--state-dir", stateDir.toString(), "--format", "json")).isZero();
      JsonNode status = new JsonMapper().readTree(out);
      assertThat(status.get("unlocked").booleanValue()).isTrue();
      assertThat(status.get("vault_address").textValue()).isEqualTo(daemon.vaultAddress());
      assertThat(status.get("keys")).hasSize(2);
      assertThat(status.has("memory_locking")).isTrue();

      assertThat(run("status", "--state-dir", stateDir.toString())).isZero();
      assertThat(out).contains("state:       unlocked").contains("keys:        1: active v1\n             3: active v1")
          .contains("locker:      " + locker.address() + " (");

      assertThat(run("lock", "--state-dir", stateDir.toString())).isZero();
      assertThat(run("status", "--state-dir", stateDir.toString())).isZero();
      assertThat(out).contains("state:       locked");

      assertThat(run("mariadb-config", "--state-dir", stateDir.toString())).isZero();
      assertThat(out).contains("hashicorp-key-management-vault-url=" + daemon.vaultMountUrl() + "\n");
    }
  }
}
