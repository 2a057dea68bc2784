package io.keylocker.agent.control;

import io.keylocker.agent.error.AgentException;
import io.keylocker.crypto.SecretBytes;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;

/** The CLI's side of the control socket: one connection per call. */
public final class ControlClient {
  private final Path socket;

  public ControlClient(Path socket) {
    this.socket = socket;
  }

  /** {@code passphrase} stays owned by the caller; the request frame is zeroed after sending. */
  public void unlock(SecretBytes passphrase) {
    byte[] request = passphrase.apply(p -> ByteBuffer.allocate(1 + p.length).put(ControlProtocol.UNLOCK).put(p).array());
    exchange(request, Object.class);
  }

  public void lock() {
    exchange(new byte[] {ControlProtocol.LOCK}, Object.class);
  }

  public AgentStatus status() {
    return exchange(new byte[] {ControlProtocol.STATUS}, AgentStatus.class);
  }

  public CreatedKey createKey(long keyId) {
    return exchange(ByteBuffer.allocate(9).put(ControlProtocol.CREATE_KEY).putLong(keyId).array(), CreatedKey.class);
  }

  private <T> T exchange(byte[] request, Class<T> resultType) {
    byte[] response;
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      try {
        channel.connect(UnixDomainSocketAddress.of(socket));
      } catch (IOException e) {
        throw new AgentException.Unreachable(
            "the agent is not running: nothing answers on " + socket + " (start it with: keylocker agent run)", e);
      }
      ControlProtocol.write(channel, request);
      response = ControlProtocol.read(channel, ControlProtocol.MAX_RESPONSE);
    } catch (IOException e) {
      throw new AgentException.Unreachable("the agent's control socket " + socket + " failed (" + e.getMessage() + ")", e);
    } finally {
      Arrays.fill(request, (byte) 0);
    }
    return decode(response, resultType);
  }

  private static <T> T decode(byte[] response, Class<T> resultType) {
    try {
      if (response[0] == ControlProtocol.ERROR) {
        ControlProtocol.Failure failure =
            ControlProtocol.JSON.readValue(response, 1, response.length - 1, ControlProtocol.Failure.class);
        throw AgentException.of(AgentException.Code.valueOf(failure.code()), failure.message());
      }
      return ControlProtocol.JSON.readValue(response, 1, response.length - 1, resultType);
    } catch (IOException | IllegalArgumentException e) {
      throw new AgentException.Refused("the agent sent an unreadable answer (" + e.getClass().getSimpleName() + ")");
    }
  }
}
