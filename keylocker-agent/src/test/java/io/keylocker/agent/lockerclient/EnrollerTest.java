package io.keylocker.agent.lockerclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.agent.TestTls;
import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.crypto.pki.Pem;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollerTest {
  @TempDir Path temp;
  private FakeLocker locker;
  private StateDirectory state;
  private final Enroller enroller = new Enroller(new SecureRandom());

  @BeforeEach
  void start() throws Exception {
    locker = new FakeLocker();
    state = StateDirectory.create(temp.resolve("agent"));
  }

  @AfterEach
  void stop() throws Exception {
    locker.close();
  }

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void enroll_storesIdentityCaAndAgentJson_withTheirModes() throws Exception {
    Enroller.Enrolled enrolled = enroller.enroll(EnrollmentToken.parse(locker.token()), state);

    assertThat(enrolled.enrollment().tenant()).isEqualTo("acme");
    assertThat(state.enrollment()).isEqualTo(enrolled.enrollment());
    assertThat(mode(state.path(StateFile.AGENT_JSON))).isEqualTo("rw-------");
    assertThat(mode(state.path(StateFile.AGENT_KEY))).isEqualTo("rw-------");
    assertThat(mode(state.path(StateFile.AGENT_CERT))).isEqualTo("rw-------");
    assertThat(mode(state.path(StateFile.LOCKER_CA))).isEqualTo("rw-r--r--");
    String ca = Files.readString(state.path(StateFile.LOCKER_CA), StandardCharsets.US_ASCII);
    assertThat(Fingerprints.sha256(Pem.certificate(ca))).isEqualTo(Fingerprints.sha256(locker.tls.ca().certificate()));
    String cert = Files.readString(state.path(StateFile.AGENT_CERT), StandardCharsets.US_ASCII);
    assertThat(Pem.certificate(cert).getSubjectX500Principal().getName()).contains("acme/db1");
    assertThat(locker.enrollmentUsed).isTrue();
  }

  @Test
  void enroll_refusesAnAlreadyEnrolledStateDirectory() {
    enroller.enroll(EnrollmentToken.parse(locker.token()), state);

    assertThatThrownBy(() -> enroller.enroll(EnrollmentToken.parse(locker.token()), state))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("already enrolled");
  }

  @Test
  void enroll_refusesALockerWhoseChainLacksThePinnedCa() {
    String otherCa = Fingerprints.sha256(TestTls.create().ca().certificate());

    assertThatThrownBy(() -> enroller.enroll(EnrollmentToken.parse(FakeLocker.token(locker.address(), otherCa)), state))
        .isInstanceOf(AgentException.Unreachable.class)
        .hasMessageContaining("its TLS certificate is not trusted")
        .hasMessageContaining("does not contain the CA whose fingerprint is in the enrollment token");
    assertThat(locker.requests).isEmpty();
    assertThat(state.exists(StateFile.AGENT_JSON)).isFalse();
  }

  @Test
  void enroll_verifiesTheHostName_againstThePinnedCa() throws Exception {
    try (FakeLocker wrongName = new FakeLocker(TestTls.create("locker.example"))) {
      String token = FakeLocker.token(wrongName.address(), Fingerprints.sha256(wrongName.tls.ca().certificate()));

      assertThatThrownBy(() -> enroller.enroll(EnrollmentToken.parse(token), state))
          .isInstanceOf(AgentException.Unreachable.class)
          .hasMessageContaining("its TLS certificate is not trusted");
      assertThat(wrongName.requests).isEmpty();
    }
  }

  @Test
  void enroll_mapsAUsedTokenToRefusedWithTheLockersMessage() {
    locker.enrollmentUsed = true;

    assertThatThrownBy(() -> enroller.enroll(EnrollmentToken.parse(locker.token()), state))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessage("enrollment token expired or already used");
  }

  @Test
  void enroll_whenNothingListens_saysTheLockerCannotBeReached() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String token = FakeLocker.token("https://127.0.0.1:" + closedPort, "ab".repeat(32));

    assertThatThrownBy(() -> enroller.enroll(EnrollmentToken.parse(token), state))
        .isInstanceOf(AgentException.Unreachable.class)
        .hasMessageContaining("cannot reach the locker at https://127.0.0.1:" + closedPort);
  }
}
