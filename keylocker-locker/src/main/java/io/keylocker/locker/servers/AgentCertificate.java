package io.keylocker.locker.servers;

import io.keylocker.crypto.pki.Fingerprints;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** The client certificate an enrolled agent authenticates with (serial, SHA-256, expiry). */
public record AgentCertificate(BigInteger serial, String fingerprint, Instant expiresAt) {
  public static AgentCertificate of(X509Certificate certificate) {
    return new AgentCertificate(
        certificate.getSerialNumber(),
        Fingerprints.sha256(certificate),
        certificate.getNotAfter().toInstant());
  }

  /** The serial as stored: lower-case hex. */
  public String serialHex() {
    return serial.toString(16);
  }
}
