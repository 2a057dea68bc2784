package io.keylocker.agent;

import io.keylocker.crypto.pki.CertificateAuthority;
import io.keylocker.crypto.pki.KeyPairs;
import io.keylocker.crypto.pki.TlsContexts;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** TLS material generated at test time: a CA and a server identity for 127.0.0.1 signed by it. */
public final class TestTls {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CertificateAuthority ca;
  private final TlsContexts.Identity server;

  private TestTls(CertificateAuthority ca, TlsContexts.Identity server) {
    this.ca = ca;
    this.server = server;
  }

  public static TestTls create(String... names) {
    CertificateAuthority ca = CertificateAuthority.create("test CA", Clock.systemUTC(), RANDOM);
    KeyPair pair = KeyPairs.ecP256(RANDOM);
    List<String> hosts = names.length == 0 ? List.of("127.0.0.1") : List.of(names);
    X509Certificate leaf = ca.issueServer(pair.getPublic(), "test server", hosts, Duration.ofDays(1));
    return new TestTls(ca, new TlsContexts.Identity(pair.getPrivate(), List.of(leaf, ca.certificate())));
  }

  public CertificateAuthority ca() {
    return ca;
  }

  public SSLContext serverContext() {
    return TlsContexts.create(Optional.of(server), Optional.empty());
  }

  /** A server context that also accepts client certificates issued by this CA. */
  public SSLContext serverContextTrustingClients() {
    return TlsContexts.create(Optional.of(server), Optional.of(ca.certificate()));
  }

  public SSLContext clientContext() {
    return TlsContexts.client(ca.certificate(), Optional.empty());
  }
}
