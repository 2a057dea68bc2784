package io.keylocker.agent.control;

import io.keylocker.agent.error.AgentException;
import io.keylocker.crypto.SecretBytes;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link AgentControl} on a Unix domain socket: one request per connection, each on its own
 * virtual thread. Refuses to start while another daemon answers on the socket; removes a stale
 * socket file; the socket is 0600 (and sits in the 0700 state directory). The unlock frame is
 * copied into {@link SecretBytes} and zeroed at once.
 */
public final class ControlServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

  private final Path socket;
  private final ServerSocketChannel channel;
  private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
  private volatile AgentControl control;
  private volatile Thread acceptor;

  private ControlServer(Path socket, ServerSocketChannel channel) {
    this.socket = socket;
    this.channel = channel;
  }

  /**
   * Claims the socket (refused while another daemon answers on it) without answering yet, so a
   * second daemon stops before it touches anything else.
   */
  public static ControlServer bind(Path socket) {
    removeStaleSocket(socket);
    try {
      ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      channel.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
      return new ControlServer(socket, channel);
    } catch (IOException e) {
      throw new AgentException.Refused("cannot listen on the control socket " + socket + " (" + e + ")", e);
    }
  }

  /** Starts answering requests with {@code target}. Call once. */
  public void serve(AgentControl target) {
    if (acceptor != null) {
      throw new IllegalStateException("already serving");
    }
    control = target;
    acceptor = Thread.ofPlatform().name("agent-control").daemon().start(this::acceptLoop);
  }

  private static void removeStaleSocket(Path socket) {
    if (!Files.exists(socket)) {
      return;
    }
    if (answers(socket)) {
      throw new AgentException.Refused(
          "another agent is already running with this state directory (" + socket + " answers)");
    }
    try {
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      throw new AgentException.Refused("cannot remove the stale control socket " + socket + " (" + e + ")", e);
    }
  }

  private static boolean answers(Path socket) {
    SocketChannel probe;
    try {
      probe = SocketChannel.open(UnixDomainSocketAddress.of(socket));
    } catch (IOException nobodyListens) {
      return false;
    }
    try {
      probe.close();
    } catch (IOException e) {
      LOG.debug("closing the probe connection: {}", e.toString());
    }
    return true;
  }

  private void acceptLoop() {
    while (channel.isOpen()) {
      try {
        SocketChannel connection = channel.accept();
        connections.execute(() -> serve(connection));
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException | RuntimeException e) {
        LOG.warn("control socket accept failed: {}", e.toString());
      }
    }
  }

  private void serve(SocketChannel connection) {
    try (connection) {
      byte[] response;
      try {
        response = answer(ControlProtocol.read(connection, ControlProtocol.MAX_REQUEST));
      } catch (ControlProtocol.FrameTooLarge e) {
        response = failure(new AgentException.InvalidInput("control request refused: " + e.getMessage()));
      }
      ControlProtocol.write(connection, response);
    } catch (IOException e) {
      LOG.debug("control connection failed: {}", e.toString());
    }
  }

  private byte[] answer(byte[] frame) {
    try {
      return ControlProtocol.response(ControlProtocol.OK, dispatch(frame));
    } catch (AgentException e) {
      return failure(e);
    } catch (RuntimeException e) {
      LOG.error("control request failed", e);
      return failure(new AgentException.Refused("internal error in the agent (see its log)"));
    } finally {
      Arrays.fill(frame, (byte) 0);
    }
  }

  private Object dispatch(byte[] frame) {
    switch (frame[0]) {
      case ControlProtocol.UNLOCK -> {
        try (SecretBytes passphrase = SecretBytes.copyOf(frame, 1, frame.length - 1)) {
          Arrays.fill(frame, (byte) 0);
          control.unlock(passphrase);
        }
        return Map.of("unlocked", true);
      }
      case ControlProtocol.LOCK -> {
        control.lock();
        return Map.of("unlocked", false);
      }
      case ControlProtocol.STATUS -> {
        return control.status();
      }
      case ControlProtocol.CREATE_KEY -> {
        if (frame.length != 9) {
          throw new AgentException.InvalidInput("malformed create-key request");
        }
        return control.createKey(ByteBuffer.wrap(frame, 1, 8).getLong());
      }
      default -> throw new AgentException.InvalidInput("unknown control operation " + frame[0]);
    }
  }

  private static byte[] failure(AgentException e) {
    return ControlProtocol.response(ControlProtocol.ERROR, new ControlProtocol.Failure(e.code().name(), e.getMessage()));
  }

  @Override
  public void close() {
    try {
      channel.close();
      Thread running = acceptor;
      if (running != null) {
        running.join(Duration.ofSeconds(5));
      }
    } catch (IOException e) {
      LOG.debug("closing the control socket: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connections.shutdownNow();
    try {
      connections.awaitTermination(5, TimeUnit.SECONDS);
      Files.deleteIfExists(socket);
    } catch (IOException e) {
      LOG.debug("removing the control socket: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
