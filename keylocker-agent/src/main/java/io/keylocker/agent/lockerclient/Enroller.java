package io.keylocker.agent.lockerclient;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.crypto.pki.CertificateAuthority;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.crypto.pki.KeyPairs;
import io.keylocker.crypto.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;

/**
 * Enrolls an agent with a one-time token: generates the agent's EC P-256 key here, sends a CSR to
 * the locker over TLS pinned to the token's CA, checks the answer (CA fingerprint, certificate for
 * our key) and stores identity, CA and {@code agent.json} — the latter last, since its presence
 * means "enrolled".
 */
public final class Enroller {
  private final SecureRandom random;

  public Enroller(SecureRandom random) {
    this.random = random;
  }

  /** The result: who we are now, and until when the certificate is valid. */
  public record Enrolled(Enrollment enrollment, String certificateExpiresAt) {}

  public Enrolled enroll(EnrollmentToken token, StateDirectory state) {
    if (state.exists(StateFile.AGENT_JSON)) {
      throw new AgentException.Refused(
          state + " is already enrolled; enroll again only into a new, empty state directory");
    }
    Enrollment target = token.target();
    KeyPair pair = KeyPairs.ecP256(random);
    String csr = CertificateAuthority.Csrs.create(pair, target.tenant() + "/" + target.server());
    byte[] body;
    try (LockerHttp http = new LockerHttp(target.locker(), PinnedCaTrustManager.context(target.caFingerprint(), random),
        RevocationListener.NONE)) {
      body = http.exchange("POST", "/v1/agent/enroll", LockerJson.write(new LockerJson.EnrollRequest(token.secret(), csr)));
    }
    LockerJson.EnrollResponse response = parse(body);
    X509Certificate ca = checkedCa(response, target);
    X509Certificate certificate = checkedCertificate(response, pair, target);
    state.write(StateFile.AGENT_KEY, Pem.encode(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII));
    state.write(StateFile.AGENT_CERT, Pem.encode(certificate).getBytes(StandardCharsets.US_ASCII));
    state.write(StateFile.LOCKER_CA, Pem.encode(ca).getBytes(StandardCharsets.US_ASCII));
    state.write(StateFile.AGENT_JSON, target.toJson());
    return new Enrolled(target, response.expiresAt());
  }

  private static LockerJson.EnrollResponse parse(byte[] body) {
    try {
      return LockerJson.read(body, LockerJson.EnrollResponse.class);
    } catch (IllegalArgumentException e) {
      throw invalidAnswer(e.getMessage());
    }
  }

  private static X509Certificate checkedCa(LockerJson.EnrollResponse response, Enrollment target) {
    X509Certificate ca = certificate(response.ca(), "ca");
    if (!Fingerprints.sha256(ca).equals(target.caFingerprint())) {
      throw invalidAnswer("its CA is not the one pinned in the token");
    }
    return ca;
  }

  private static X509Certificate checkedCertificate(LockerJson.EnrollResponse response, KeyPair pair, Enrollment target) {
    X509Certificate certificate = certificate(response.certificate(), "certificate");
    if (!certificate.getPublicKey().equals(pair.getPublic())) {
      throw invalidAnswer("the certificate is not for the agent's key");
    }
    if (!target.tenant().equals(response.tenant()) || !target.server().equals(response.server())) {
      throw invalidAnswer("it names another tenant or server than the token");
    }
    return certificate;
  }

  private static X509Certificate certificate(String pem, String field) {
    if (pem == null) {
      throw invalidAnswer("missing " + field);
    }
    try {
      return Pem.certificate(pem);
    } catch (IllegalArgumentException e) {
      throw invalidAnswer(field + ": " + e.getMessage());
    }
  }

  private static AgentException invalidAnswer(String why) {
    return new AgentException.Refused("the locker's enrollment answer is invalid: " + why);
  }
}
