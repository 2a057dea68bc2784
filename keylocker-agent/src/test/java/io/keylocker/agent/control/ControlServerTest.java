package io.keylocker.agent.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.agent.error.AgentException;
import io.keylocker.crypto.SecretBytes;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {
  @TempDir Path temp;
  private Path socket;
  private final FakeAgentControl control = new FakeAgentControl();
  private ControlServer server;
  private ControlClient client;

  @BeforeEach
  void start() {
    socket = temp.resolve("agent.sock");
    server = ControlServer.bind(socket);
    server.serve(control);
    client = new ControlClient(socket);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void unlockLockStatusAndCreateKey_roundTrip() {
    try (SecretBytes passphrase = SecretBytes.copyOf(FakeAgentControl.PASSPHRASE.getBytes(StandardCharsets.UTF_8))) {
      client.unlock(passphrase);
    }
    assertThat(control.unlocked).isTrue();

    AgentStatus status = client.status();
    assertThat(status).isEqualTo(control.status());

    assertThat(client.createKey(9)).isEqualTo(new CreatedKey(9, 1, "2026-12-03T16:18:00Z"));

    client.lock();
    assertThat(control.unlocked).isFalse();
  }

  @Test
  void failures_keepTheirKindAndMessageAcrossTheSocket() {
    try (SecretBytes wrong = SecretBytes.copyOf("nope".getBytes(StandardCharsets.UTF_8))) {
      assertThatThrownBy(() -> client.unlock(wrong))
          .isInstanceOf(AgentException.AuthenticationFailed.class)
          .hasMessage("wrong passphrase: the agent stays locked");
    }
    assertThatThrownBy(() -> client.createKey(1))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessage("key 1 already exists");
  }

  @Test
  void anOversizedFrame_isRefusedUnread() throws Exception {
    try (SocketChannel raw = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      raw.write(ByteBuffer.allocate(5).putInt(ControlProtocol.MAX_REQUEST + 1).put(ControlProtocol.UNLOCK).flip());

      byte[] response = ControlProtocol.read(raw, ControlProtocol.MAX_RESPONSE);

      assertThat(response[0]).isEqualTo(ControlProtocol.ERROR);
      assertThat(new String(response, 1, response.length - 1, StandardCharsets.UTF_8))
          .contains("INVALID_INPUT")
          .contains("over the limit of 4096");
    }
    assertThat(control.unlocked).isFalse();
  }

  @Test
  void theSocketIsOwnerOnly_andASecondServerIsRefused() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");

    assertThatThrownBy(() -> ControlServer.bind(socket))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("already running");
    assertThat(client.status().tenant()).isEqualTo("acme");
  }

  @Test
  void aStaleSocketFile_isReplaced() throws Exception {
    Path stale = temp.resolve("stale.sock");
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(stale));
    }
    assertThat(stale).exists();

    try (ControlServer replacement = ControlServer.bind(stale)) {
      replacement.serve(control);
      assertThat(new ControlClient(stale).status().server()).isEqualTo("db1");
    }
    assertThat(stale).doesNotExist();
  }

  @Test
  void noDaemon_isUnreachableWithAHint() {
    assertThatThrownBy(() -> new ControlClient(temp.resolve("none.sock")).status())
        .isInstanceOf(AgentException.Unreachable.class)
        .hasMessageContaining("the agent is not running")
        .hasMessageContaining("keylocker agent run");
  }
}
