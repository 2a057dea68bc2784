package io.keylocker.agent.vault;

import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.agent.state.VaultSettings;
import io.keylocker.crypto.pki.CertificateAuthority;
import io.keylocker.crypto.pki.KeyPairs;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vault edge's TLS identity. On first use: a local CA (whose private key is discarded once it
 * has signed), a server certificate for 127.0.0.1, ::1, localhost and the listen host, written as
 * {@code S/vault-tls.pem} (key, certificate, CA; 0600) and {@code S/vault-ca.pem} (0644, for the
 * database). Reused while it covers the listen host and is valid for more than 30 days; otherwise
 * replaced, and the database must be given the new CA.
 */
final class VaultTlsMaterial {
  private static final Logger LOG = LoggerFactory.getLogger(VaultTlsMaterial.class);
  private static final Duration VALIDITY = Duration.ofDays(3650);
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);
  private static final List<String> LOCAL_NAMES = List.of("127.0.0.1", "::1", "localhost");

  private VaultTlsMaterial() {}

  static SSLContext loadOrCreate(StateDirectory state, String listenHost, Clock clock, SecureRandom random) {
    TlsContexts.Identity identity = state.readIfPresent(StateFile.VAULT_TLS)
        .map(pem -> parse(new String(pem, StandardCharsets.US_ASCII)))
        .filter(existing -> usable(existing.chain().getFirst(), listenHost, clock))
        .orElseGet(() -> create(state, listenHost, clock, random));
    if (!state.exists(StateFile.VAULT_CA)) {
      state.write(StateFile.VAULT_CA, Pem.encode(identity.chain().getLast()).getBytes(StandardCharsets.US_ASCII));
    }
    return TlsContexts.create(Optional.of(identity), Optional.empty());
  }

  private static TlsContexts.Identity parse(String pem) {
    try {
      return new TlsContexts.Identity(Pem.privateKey(pem), Pem.certificates(pem));
    } catch (IllegalArgumentException e) {
      LOG.warn("vault-tls.pem is unreadable ({}); creating a new Vault TLS identity", e.getMessage());
      return null;
    }
  }

  private static boolean usable(X509Certificate leaf, String host, Clock clock) {
    boolean fresh = leaf.getNotAfter().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE));
    boolean covered = VaultSettings.isWildcard(host) || names(leaf).stream().anyMatch(name -> sameHost(name, host));
    if (!fresh || !covered) {
      LOG.warn("the Vault TLS certificate {}; creating a new one: give the database the new {}",
          fresh ? "does not cover " + host : "expires soon", StateFile.VAULT_CA.fileName());
    }
    return fresh && covered;
  }

  private static List<String> names(X509Certificate leaf) {
    List<String> names = new ArrayList<>();
    try {
      Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
      if (alternatives != null) {
        alternatives.forEach(entry -> names.add(String.valueOf(entry.get(1))));
      }
    } catch (CertificateParsingException e) {
      LOG.warn("cannot read the Vault TLS certificate's names: {}", e.getMessage());
    }
    return names;
  }

  private static boolean sameHost(String a, String b) {
    try {
      return InetAddress.ofLiteral(a).equals(InetAddress.ofLiteral(b));
    } catch (IllegalArgumentException notBothIps) {
      return a.equalsIgnoreCase(b);
    }
  }

  private static TlsContexts.Identity create(StateDirectory state, String listenHost, Clock clock, SecureRandom random) {
    CertificateAuthority ca = CertificateAuthority.create("keylocker agent local CA", clock, random);
    KeyPair pair = KeyPairs.ecP256(random);
    List<String> names = new ArrayList<>(LOCAL_NAMES);
    if (!VaultSettings.isWildcard(listenHost) && names.stream().noneMatch(n -> sameHost(n, listenHost))) {
      names.add(listenHost);
    }
    X509Certificate leaf = ca.issueServer(pair.getPublic(), "keylocker agent vault edge", names, VALIDITY);
    X509Certificate caCertificate = ca.certificate();
    state.write(StateFile.VAULT_TLS, pem(pair.getPrivate(), leaf, caCertificate));
    state.write(StateFile.VAULT_CA, Pem.encode(caCertificate).getBytes(StandardCharsets.US_ASCII));
    LOG.info("created the Vault edge's TLS certificate for {} (CA in {})", names, state.path(StateFile.VAULT_CA));
    return new TlsContexts.Identity(pair.getPrivate(), List.of(leaf, caCertificate));
  }

  private static byte[] pem(PrivateKey key, X509Certificate leaf, X509Certificate ca) {
    return (Pem.encode(key) + Pem.encode(leaf) + Pem.encode(ca)).getBytes(StandardCharsets.US_ASCII);
  }
}
