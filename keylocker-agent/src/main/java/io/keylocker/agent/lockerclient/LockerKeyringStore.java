package io.keylocker.agent.lockerclient;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keyring.KeyringStore;
import io.keylocker.agent.keyring.WrappedKeyring;
import io.keylocker.agent.lifecycle.CommandSource;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.agent.usage.UsageSink;
import io.keylocker.crypto.KdfParameters;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keyring in the locker, over mTLS with the agent's certificate and trusting only {@code
 * S/locker-ca.pem}. Every keyring body received is validated and then kept in {@code
 * S/keyring-cache.json} (wrapped blobs only), which {@link #load()} falls back to when the locker
 * cannot be reached. The same connection serves the command queue and usage reports.
 */
public final class LockerKeyringStore implements KeyringStore, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LockerKeyringStore.class);
  private static final String KEYRING = "/v1/agent/keyring";

  private final LockerHttp http;
  private final StateDirectory state;
  private final Enrollment enrollment;

  LockerKeyringStore(LockerHttp http, StateDirectory state, Enrollment enrollment) {
    this.http = http;
    this.state = state;
    this.enrollment = enrollment;
  }

  /** Opens the store of an enrolled state directory. */
  public static LockerKeyringStore open(StateDirectory state, Enrollment enrollment) {
    return open(state, enrollment, RevocationListener.NONE);
  }

  /** As {@link #open(StateDirectory, Enrollment)}, telling {@code revocation} when the locker answers 403 REVOKED. */
  public static LockerKeyringStore open(StateDirectory state, Enrollment enrollment, RevocationListener revocation) {
    return new LockerKeyringStore(new LockerHttp(enrollment.locker(), mutualTls(state), revocation), state, enrollment);
  }

  private static SSLContext mutualTls(StateDirectory state) {
    try {
      X509Certificate ca = Pem.certificate(text(state, StateFile.LOCKER_CA));
      List<X509Certificate> chain = Pem.certificates(text(state, StateFile.AGENT_CERT));
      TlsContexts.Identity identity =
          new TlsContexts.Identity(Pem.privateKey(text(state, StateFile.AGENT_KEY)), chain);
      return TlsContexts.client(ca, Optional.of(identity));
    } catch (IllegalArgumentException e) {
      throw new AgentException.Refused("the agent's TLS identity in " + state + " is unusable: " + e.getMessage());
    }
  }

  private static String text(StateDirectory state, StateFile file) {
    return new String(state.read(file), StandardCharsets.UTF_8);
  }

  @Override
  public WrappedKeyring load() {
    try {
      return fetchAndCache();
    } catch (AgentException.Unreachable e) {
      Optional<byte[]> cached = state.readIfPresent(StateFile.KEYRING_CACHE);
      if (cached.isEmpty()) {
        throw new AgentException.Unreachable(e.getMessage() + ", and there is no cached keyring", e);
      }
      LOG.warn("{}; unlocking from the cached keyring", e.getMessage());
      return KeyringCodec.decode(cached.get(), "the cached keyring");
    }
  }

  @Override
  public WrappedKeyring refresh() {
    return fetchAndCache();
  }

  /** Replaces the cache with the locker's body as it is: destroyed versions arrive without a blob. */
  private WrappedKeyring fetchAndCache() {
    byte[] body;
    try {
      body = http.exchange("GET", KEYRING, null);
    } catch (AgentException.NotFound e) {
      throw new AgentException.NotFound(
          "the locker has no keyring for " + owner() + " (" + e.getMessage() + "); run: keylocker agent init");
    }
    WrappedKeyring keyring = KeyringCodec.decode(body, "the locker");
    state.write(StateFile.KEYRING_CACHE, body);
    return keyring;
  }

  /** The locker's command queue for this agent, over this store's connection (valid until it is closed). */
  public CommandSource commands() {
    return new LockerCommandSource(http);
  }

  /** Where usage reports go, over this store's connection (valid until it is closed). */
  public UsageSink usage() {
    return new LockerUsageSink(http);
  }

  @Override
  public void create(KdfParameters kdf, byte[] verifier, byte[] firstKeyWrapped) {
    byte[] body;
    try {
      body = http.exchange("PUT", KEYRING, KeyringCodec.encodeNew(kdf, verifier, firstKeyWrapped));
    } catch (AgentException.Refused e) {
      throw new AgentException.Refused("the locker refused to create the keyring of " + owner() + ": " + e.getMessage()
          + " (a keyring is created once; unlock it with: keylocker agent unlock)");
    }
    KeyringCodec.decode(body, "the locker");
    state.write(StateFile.KEYRING_CACHE, body);
  }

  @Override
  public Instant addVersion(long keyId, long version, byte[] wrapped) {
    byte[] request = LockerJson.write(new LockerJson.NewVersion(version, Base64.getEncoder().encodeToString(wrapped)));
    byte[] body = http.exchange("POST", KEYRING + "/keys/" + keyId + "/versions", request);
    Instant createdAt;
    try {
      createdAt = Instant.parse(LockerJson.read(body, LockerJson.CreatedVersion.class).createdAt());
    } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
      throw new AgentException.Refused("the locker stored key " + keyId + " but sent an invalid answer");
    }
    refreshCache();
    return createdAt;
  }

  private void refreshCache() {
    try {
      fetchAndCache();
    } catch (AgentException e) {
      LOG.warn("could not refresh the keyring cache: {}", e.getMessage());
    }
  }

  @Override
  public void reportState(boolean unlocked) {
    byte[] body = LockerJson.write(new LockerJson.Heartbeat(unlocked ? "unlocked" : "locked"));
    http.exchangeAsync("POST", "/v1/agent/heartbeat", body)
        .whenComplete((ok, failure) -> {
          if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.warn("heartbeat to the locker at {} failed ({})", http.base(), cause.toString());
          }
        });
  }

  private String owner() {
    return enrollment.tenant() + "/" + enrollment.server();
  }

  @Override
  public void close() {
    http.close();
  }
}
