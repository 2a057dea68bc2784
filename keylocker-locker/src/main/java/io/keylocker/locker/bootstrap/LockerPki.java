package io.keylocker.locker.bootstrap;

import io.keylocker.crypto.pki.CertificateAuthority;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.crypto.pki.KeyPairs;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.crypto.pki.TlsContexts;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The locker's CA and HTTPS identity, created on first start and loaded afterwards. The CA signs
 * the server certificate and every agent client certificate; agents pin it by fingerprint.
 */
public final class LockerPki {
  private static final Logger LOG = LoggerFactory.getLogger(LockerPki.class);
  private static final String CA_NAME = "Keylocker locker CA";
  private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
  private static final Duration RENEW_BEFORE = Duration.ofDays(30);
  private static final int SAN_DNS = 2;
  private static final int SAN_IP = 7;

  private final CertificateAuthority ca;
  private final TlsContexts.Identity serverIdentity;

  private LockerPki(CertificateAuthority ca, TlsContexts.Identity serverIdentity) {
    this.ca = ca;
    this.serverIdentity = serverIdentity;
  }

  /**
   * Loads the CA and server identity from {@code data}, creating what is missing. The server
   * certificate is re-issued when it lacks one of {@code serverNames}, was not issued by this CA,
   * or expires within 30 days.
   */
  public static LockerPki loadOrCreate(
      DataDirectory data, List<String> serverNames, Clock clock, SecureRandom random)
      throws IOException {
    CertificateAuthority ca = loadOrCreateCa(data, clock, random);
    return new LockerPki(ca, loadOrIssueServer(data, ca, serverNames, clock, random));
  }

  public CertificateAuthority ca() {
    return ca;
  }

  /** Server-side TLS: our identity, trusting only our CA for (optional) client certificates. */
  public SSLContext serverTlsContext() {
    return TlsContexts.create(Optional.of(serverIdentity), Optional.of(ca.certificate()));
  }

  private static CertificateAuthority loadOrCreateCa(
      DataDirectory data, Clock clock, SecureRandom random) throws IOException {
    boolean haveCertificate = Files.exists(data.caCertificate());
    boolean haveKey = Files.exists(data.caKey());
    if (haveCertificate && haveKey) {
      return new CertificateAuthority(
          readPem(data.caKey(), Pem::privateKey),
          readPem(data.caCertificate(), Pem::certificate),
          clock,
          random);
    }
    if (haveCertificate || haveKey) {
      throw new IOException(
          "found only one of ca.pem and ca-key.pem in " + data.root() + "; restore the other one");
    }
    CertificateAuthority ca = CertificateAuthority.create(CA_NAME, clock, random);
    DataDirectory.write(data.caKey(), ascii(Pem.encode(ca.privateKey())), DataDirectory.PRIVATE);
    DataDirectory.write(
        data.caCertificate(), ascii(Pem.encode(ca.certificate())), DataDirectory.PUBLIC);
    LOG.info(
        "created the locker CA in {} (SHA-256 {})",
        data.caCertificate(),
        Fingerprints.sha256(ca.certificate()));
    return ca;
  }

  private static TlsContexts.Identity loadOrIssueServer(
      DataDirectory data,
      CertificateAuthority ca,
      List<String> names,
      Clock clock,
      SecureRandom random)
      throws IOException {
    if (Files.exists(data.serverIdentity())) {
      TlsContexts.Identity existing =
          new TlsContexts.Identity(
              readPem(data.serverIdentity(), Pem::privateKey),
              readPem(data.serverIdentity(), Pem::certificates));
      Optional<String> reason = reissueReason(existing.chain().getFirst(), ca, names, clock);
      if (reason.isEmpty()) {
        return existing;
      }
      LOG.info("re-issuing the server certificate: {}", reason.get());
    }
    KeyPair pair = KeyPairs.ecP256(random);
    X509Certificate certificate =
        ca.issueServer(pair.getPublic(), names.getFirst(), names, SERVER_VALIDITY);
    String pem =
        Pem.encode(pair.getPrivate()) + Pem.encode(certificate) + Pem.encode(ca.certificate());
    DataDirectory.write(data.serverIdentity(), ascii(pem), DataDirectory.PRIVATE);
    LOG.info("issued the server certificate for {}", names);
    return new TlsContexts.Identity(pair.getPrivate(), List.of(certificate, ca.certificate()));
  }

  private static Optional<String> reissueReason(
      X509Certificate certificate, CertificateAuthority ca, List<String> names, Clock clock) {
    try {
      certificate.verify(ca.certificate().getPublicKey());
    } catch (GeneralSecurityException e) {
      return Optional.of("it was not issued by the current CA");
    }
    if (certificate.getNotAfter().toInstant().isBefore(clock.instant().plus(RENEW_BEFORE))) {
      return Optional.of("it expires on " + certificate.getNotAfter().toInstant());
    }
    return names.stream()
        .filter(name -> !covers(certificate, name))
        .findFirst()
        .map(name -> "it does not cover " + name);
  }

  private static boolean covers(X509Certificate certificate, String name) {
    Optional<InetAddress> address = ipLiteral(name);
    for (List<?> san : subjectAlternativeNames(certificate)) {
      int type = (Integer) san.get(0);
      String value = (String) san.get(1);
      boolean match =
          address.isPresent()
              ? type == SAN_IP && address.equals(ipLiteral(value))
              : type == SAN_DNS && value.equalsIgnoreCase(name);
      if (match) {
        return true;
      }
    }
    return false;
  }

  private static Collection<List<?>> subjectAlternativeNames(X509Certificate certificate) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      return names == null ? List.of() : names;
    } catch (CertificateParsingException e) {
      return List.of();
    }
  }

  static Optional<InetAddress> ipLiteral(String host) {
    try {
      return Optional.of(InetAddress.ofLiteral(host));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Parses a PEM file; a damaged file is an {@link IOException} naming it. */
  private static <T> T readPem(Path file, Function<String, T> parser) throws IOException {
    try {
      return parser.apply(Files.readString(file));
    } catch (IllegalArgumentException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
