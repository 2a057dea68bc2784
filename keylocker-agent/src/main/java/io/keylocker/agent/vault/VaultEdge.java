package io.keylocker.agent.vault;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keys.ServedKeys;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.VaultSettings;
import io.keylocker.crypto.SecretBytes;
import java.security.SecureRandom;
import java.time.Clock;
import javax.net.ssl.SSLContext;

/** The running Vault edge: TLS identity and token from the state directory, handler, server. */
public final class VaultEdge implements AutoCloseable {
  private final VaultHttpServer server;
  private final SecretBytes token;

  private VaultEdge(VaultHttpServer server, SecretBytes token) {
    this.server = server;
    this.token = token;
  }

  public static VaultEdge start(
      StateDirectory state,
      VaultSettings settings,
      ServedKeys keys,
      DeliveryCounters deliveries,
      Clock clock,
      SecureRandom random) {
    SSLContext tls = VaultTlsMaterial.loadOrCreate(state, settings.host(), clock, random);
    SecretBytes token = VaultToken.loadOrCreate(state, random);
    try {
      VaultHandler handler = new VaultHandler(keys, token, settings.mount(), deliveries, clock, random);
      return new VaultEdge(VaultHttpServer.start(settings.host(), settings.port(), tls, handler), token);
    } catch (IllegalStateException e) {
      token.close();
      throw new AgentException.Refused("the Vault endpoint " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    token.close();
  }
}
