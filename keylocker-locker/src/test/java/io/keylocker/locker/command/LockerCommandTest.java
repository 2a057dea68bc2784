package io.keylocker.locker.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LockerCommandTest {
  @TempDir Path data;
  private final StringWriter err = new StringWriter();

  @Test
  void start_withMalformedListen_exits2_withOneLine() {
    int exit = run("start", "--data-dir", data.toString(), "--listen", "localhost");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "keylocker: --listen must be HOST:PORT (for example 127.0.0.1:8443), got 'localhost'"
                + System.lineSeparator());
  }

  @Test
  void start_withPortOutOfRange_exits2() {
    int exit = run("start", "--data-dir", data.toString(), "--listen", "127.0.0.1:99999");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith("keylocker: port must be between 0 and 65535");
  }

  @Test
  void start_onPortInUse_exits1_sayingSo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int exit =
          run(
              "start",
              "--data-dir",
              data.toString(),
              "--listen",
              "127.0.0.1:" + taken.getLocalPort());

      assertThat(exit).isEqualTo(1);
      assertThat(err.toString())
          .startsWith("keylocker: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
          .containsIgnoringCase("in use");
    }
  }

  @Test
  void start_withDamagedCaKey_exits1_namingTheFile() throws Exception {
    Files.writeString(data.resolve("ca.pem"), "garbage");
    Files.writeString(data.resolve("ca-key.pem"), "garbage");

    int exit = run("start", "--data-dir", data.toString(), "--listen", "127.0.0.1:0");

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).startsWith("keylocker: cannot read " + data.resolve("ca-key.pem"));
  }

  @Test
  void listenAddress_acceptsBracketedIpv6() {
    assertThat(ListenAddress.parse("[::1]:8443")).isEqualTo(new ListenAddress("::1", 8443));
    assertThat(ListenAddress.parse("db.example.com:1"))
        .isEqualTo(new ListenAddress("db.example.com", 1));
  }

  @Test
  void locker_withoutSubcommand_isAUsageError() {
    assertThat(run()).isEqualTo(2);
  }

  private int run(String... args) {
    CommandLine command = new CommandLine(new LockerCommand());
    command.setErr(new PrintWriter(err, true));
    command.setOut(new PrintWriter(new StringWriter(), true));
    return command.execute(args);
  }
}
