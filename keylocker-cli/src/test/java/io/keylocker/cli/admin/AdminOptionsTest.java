package io.keylocker.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.keylocker.cli.CliContext;
import io.keylocker.cli.CliException;
import io.keylocker.cli.ExitStatus;
import io.keylocker.crypto.pki.Fingerprints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class AdminOptionsTest {
  private static FakeLocker ca;
  private static FakeLocker otherCa;

  @TempDir Path dir;
  private final Map<String, String> environment = new HashMap<>();

  @BeforeAll
  static void authorities() {
    ca = new FakeLocker();
    otherCa = new FakeLocker();
  }

  @AfterAll
  static void close() {
    ca.close();
    otherCa.close();
  }

  @Command
  static final class Probe {
    @Mixin AdminOptions admin;
  }

  private AdminConnection resolve(String... args) {
    Probe probe = new Probe();
    new CommandLine(probe).parseArgs(args);
    return probe.admin.resolve(new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), environment, dir));
  }

  private static String fingerprint(AdminConnection connection) {
    return Fingerprints.sha256(connection.trustedCa());
  }

  private void writeLockerDataDefaults(String token) throws IOException {
    ca.writeCa(dir.resolve("keylocker-data/ca.pem"));
    Files.writeString(dir.resolve("keylocker-data/admin-token"), token);
  }

  @Test
  void onTheLockerHost_defaultsComeFromKeylockerData() throws IOException {
    writeLockerDataDefaults("from-file\n");
    AdminConnection connection = resolve();
    assertThat(connection.address()).isEqualTo(URI.create("https://127.0.0.1:8443"));
    assertThat(fingerprint(connection)).isEqualTo(Fingerprints.sha256(ca.caCertificate()));
    assertThat(connection.token().authorizationHeader()).isEqualTo("Bearer from-file");
  }

  @Test
  void environment_winsOverTheDefaultFiles_andOptionsWinOverTheEnvironment() throws IOException {
    writeLockerDataDefaults("from-file");
    otherCa.writeCa(dir.resolve("other.pem"));
    environment.put("KEYLOCKER_ADDR", "https://locker.example:9443/");
    environment.put("KEYLOCKER_TOKEN", "from-env");
    environment.put("KEYLOCKER_CACERT", "other.pem");

    AdminConnection fromEnvironment = resolve();
    assertThat(fromEnvironment.address()).isEqualTo(URI.create("https://locker.example:9443"));
    assertThat(fromEnvironment.token().authorizationHeader()).isEqualTo("Bearer from-env");
    assertThat(fingerprint(fromEnvironment)).isEqualTo(Fingerprints.sha256(otherCa.caCertificate()));

    AdminConnection fromOptions =
        resolve("--addr", "https://10.0.0.1", "--token", "from-option", "--cacert", "keylocker-data/ca.pem");
    assertThat(fromOptions.address()).isEqualTo(URI.create("https://10.0.0.1:443"));
    assertThat(fromOptions.token().authorizationHeader()).isEqualTo("Bearer from-option");
    assertThat(fingerprint(fromOptions)).isEqualTo(Fingerprints.sha256(ca.caCertificate()));
  }

  @Test
  void tokenFile_isReadAndTrimmed() throws IOException {
    ca.writeCa(dir.resolve("ca.pem"));
    Files.writeString(dir.resolve("token"), "  abc.def  \n");
    assertThat(resolve("--cacert", "ca.pem", "--token-file", "token").token().authorizationHeader()).isEqualTo("Bearer abc.def");
  }

  @Test
  void withoutCaCertificate_itIsAUsageError_thatSaysHowToGiveOne() {
    environment.put("KEYLOCKER_TOKEN", "t");
    assertUsageError(this::resolve, "--cacert");
  }

  @Test
  void withoutToken_itIsAUsageError_thatSaysHowToGiveOne() {
    ca.writeCa(dir.resolve("ca.pem"));
    assertUsageError(() -> resolve("--cacert", "ca.pem"), "--token-file");
  }

  @Test
  void tokenAndTokenFileTogether_isAUsageError() throws IOException {
    writeLockerDataDefaults("x");
    assertUsageError(() -> resolve("--token", "a", "--token-file", "keylocker-data/admin-token"), "not both");
  }

  @Test
  void plainHttpOrAPath_isRefused() throws IOException {
    writeLockerDataDefaults("x");
    assertUsageError(() -> resolve("--addr", "http://127.0.0.1:8443"), "https://");
    assertUsageError(() -> resolve("--addr", "https://127.0.0.1:8443/v1"), "https://");
    assertUsageError(() -> resolve("--addr", "https://user@127.0.0.1"), "https://");
  }

  @Test
  void caFileWithoutCertificate_isAUsageError() throws IOException {
    writeLockerDataDefaults("x");
    Files.writeString(dir.resolve("junk.pem"), "not a certificate");
    assertUsageError(() -> resolve("--cacert", "junk.pem"), "does not hold a PEM certificate");
    assertUsageError(() -> resolve("--cacert", "missing.pem"), "does not exist");
  }

  @Test
  void tokenWithControlCharacters_isRefused_withoutEchoingIt() throws IOException {
    writeLockerDataDefaults("x");
    assertThatThrownBy(() -> resolve("--token", "sec\nret"))
        .asInstanceOf(type(CliException.class))
        .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sec").doesNotContain("ret"));
  }

  @Test
  void token_neverShowsInToString() throws IOException {
    writeLockerDataDefaults("very-secret-token");
    AdminConnection connection = resolve();
    assertThat(connection.toString()).doesNotContain("very-secret-token");
    assertThat(connection.token().toString()).isEqualTo("AdminToken[redacted]");
  }

  private static void assertUsageError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String hint) {
    assertThatThrownBy(call)
        .asInstanceOf(type(CliException.class))
        .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE))
        .satisfies(e -> assertThat(e.getMessage()).contains(hint));
  }
}
