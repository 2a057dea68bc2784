package io.keylocker.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.keylocker.testing.FreePorts;
import io.keylocker.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One locker and one enrolled, initialised agent, each a real process of the distribution, set
 * up through the CLI exactly as the README tells an administrator.
 */
final class Deployment implements AutoCloseable {
  static final String PASSPHRASE = "correct horse battery staple 42";
  private static final Pattern TOKEN = Pattern.compile("\"enrollment_token\"\\s*:\\s*\"([^\"]+)\"");

  final Path root;
  final Path lockerData;
  final Path agentState;
  final Path passphraseFile;
  final int lockerPort = FreePorts.next();
  final int vaultPort = FreePorts.next();
  final Cli cli = new Cli();
  private Process locker;
  private Process agent;

  Deployment(Path root) {
    this.root = root;
    this.lockerData = root.resolve("locker-data");
    this.agentState = root.resolve("agent-state");
    this.passphraseFile = root.resolve("passphrase");
    write(passphraseFile, PASSPHRASE + "\n");
  }

  String lockerAddress() {
    return "https://127.0.0.1:" + lockerPort;
  }

  String vaultAddress() {
    return "https://127.0.0.1:" + vaultPort;
  }

  void startLocker() {
    locker = cli.start(root.resolve("locker.log"), "locker", "start", "--data-dir", lockerData.toString(), "--listen", "127.0.0.1:" + lockerPort);
    Poll.until(Duration.ofSeconds(60), "the locker to listen", () -> listening(lockerPort) || !locker.isAlive());
    assertThat(locker.isAlive()).as("locker is running; log:\n%s", Cli.read(root.resolve("locker.log"))).isTrue();
    cli.env("KEYLOCKER_ADDR", lockerAddress())
        .env("KEYLOCKER_CACERT", lockerData.resolve("ca.pem").toString())
        .env("KEYLOCKER_TOKEN", Cli.read(lockerData.resolve("admin-token")).trim());
  }

  void stopLocker() {
    Cli.stop(locker);
  }

  /** Tenant, server, enrollment token, enrollment and keyring initialisation. */
  void enrollAndInit(String tenant, String server) {
    cli.ok("tenant", "create", tenant);
    String token = enrollmentToken(tenant, server);
    cli.ok("agent", "enroll", "--state-dir", agentState.toString(), "--token", token);
    cli.ok("agent", "init", "--state-dir", agentState.toString(), "--passphrase-file", passphraseFile.toString());
  }

  String enrollmentToken(String tenant, String server) {
    String json = cli.ok("server", "add", "--tenant", tenant, server, "--format", "json");
    Matcher matcher = TOKEN.matcher(json);
    assertThat(matcher.find()).as("enrollment token in %s", json).isTrue();
    return matcher.group(1);
  }

  void startAgent(String... extraOptions) {
    List<String> args =
        new ArrayList<>(List.of("agent", "run", "--state-dir", agentState.toString(), "--vault-listen", "127.0.0.1:" + vaultPort));
    args.addAll(List.of(extraOptions));
    agent = cli.start(root.resolve("agent.log"), args.toArray(String[]::new));
    Poll.until(Duration.ofSeconds(60), "the agent to listen", () -> listening(vaultPort) || !agent.isAlive());
    assertThat(agent.isAlive()).as("agent is running; log:\n%s", Cli.read(root.resolve("agent.log"))).isTrue();
  }

  void stopAgent() {
    Cli.stop(agent);
  }

  void unlock() {
    cli.ok("agent", "unlock", "--state-dir", agentState.toString(), "--passphrase-file", passphraseFile.toString());
  }

  void lock() {
    cli.ok("agent", "lock", "--state-dir", agentState.toString());
  }

  String vaultToken() {
    return Cli.read(agentState.resolve("vault-token")).trim();
  }

  String agentLog() {
    return Cli.read(root.resolve("agent.log"));
  }

  @Override
  public void close() {
    stopAgent();
    stopLocker();
  }

  static boolean listening(int port) {
    try (Socket ignored = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
