package io.keylocker.locker.enrollment;

import io.keylocker.locker.servers.ServerRef;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** The result of a successful enrollment: the agent's client certificate and the CA to trust. */
public record EnrolledAgent(ServerRef server, X509Certificate certificate, X509Certificate ca) {
  public Instant expiresAt() {
    return certificate.getNotAfter().toInstant();
  }
}
