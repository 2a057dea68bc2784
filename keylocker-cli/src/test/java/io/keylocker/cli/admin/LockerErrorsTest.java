package io.keylocker.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.keylocker.cli.CliException;
import io.keylocker.cli.ExitStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class LockerErrorsTest {
  private static final URI ADDRESS = URI.create("https://locker.example:8443");

  private static CliException mapped(IOException failure) {
    return LockerErrors.forFailure(failure, ADDRESS);
  }

  @Test
  void unknownHost_isUnreachable() {
    ConnectException failure = new ConnectException();
    failure.initCause(new UnresolvedAddressException());
    assertThat(mapped(failure).status()).isEqualTo(ExitStatus.UNREACHABLE);
    assertThat(mapped(failure)).hasMessage("cannot reach the locker at https://locker.example:8443 (unknown host)");
  }

  @Test
  void timeouts_areUnreachable_andSayWhichWait() {
    assertThat(mapped(new HttpConnectTimeoutException("x")))
        .hasMessageEndingWith("(connection timed out after 10 s)")
        .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.UNREACHABLE));
    assertThat(mapped(new HttpTimeoutException("x")))
        .hasMessageEndingWith("(no answer within 10 s)")
        .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.UNREACHABLE));
  }

  @Test
  void otherTransportFailures_areUnreachable_withTheirKind() {
    assertThat(mapped(new IOException("connection reset")))
        .hasMessage("cannot reach the locker at https://locker.example:8443 (IOException: connection reset)")
        .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.UNREACHABLE));
  }

  @Test
  void handshakeFailureWithoutCertificateProblem_isUnreachable_andAsksWhetherItIsALocker() {
    assertThat(mapped(new SSLHandshakeException("Unsupported or unrecognized SSL message")))
        .satisfies(e -> assertThat(e.status()).isEqualTo(ExitStatus.UNREACHABLE))
        .hasMessageContaining("TLS handshake failed")
        .hasMessageContaining("--cacert");
  }

  @Test
  void answerWithoutMessage_fallsBackToTheStatus_andKeepsTheExitCode() {
    CliException e = LockerErrors.forAnswer(404, "", new com.fasterxml.jackson.databind.ObjectMapper());
    assertThat(e.status()).isEqualTo(ExitStatus.NOT_FOUND);
    assertThat(e).hasMessage("the locker answered HTTP 404");
  }
}
