package io.keylocker.locker.enrollment;

import io.keylocker.crypto.SecretBytes;
import io.keylocker.crypto.pki.CertificateAuthority;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.servers.AgentCertificate;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerRef;
import io.keylocker.locker.servers.ServerRepository;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.servers.ServerState;
import io.keylocker.locker.storage.Transactions;
import io.keylocker.locker.tenants.Tenant;
import io.keylocker.locker.tenants.TenantService;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Adds servers with a one-time enrollment token and redeems tokens for agent certificates. A
 * token's secret is 32 random bytes; the locker keeps only the SHA-256 of its base64url text.
 */
public final class EnrollmentService {
  /** Validity of agent client certificates. */
  public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(90);

  private static final int SECRET_BYTES = 32;

  private final Transactions transactions;
  private final TenantService tenants;
  private final ServerService serverService;
  private final ServerRepository servers;
  private final EnrollmentTokenRepository tokens;
  private final EnrollmentTokenFormat format;
  private final CertificateAuthority ca;
  private final Clock clock;
  private final SecureRandom random;

  public EnrollmentService(
      Transactions transactions,
      TenantService tenants,
      ServerService serverService,
      ServerRepository servers,
      EnrollmentTokenRepository tokens,
      EnrollmentTokenFormat format,
      CertificateAuthority ca,
      Clock clock,
      SecureRandom random) {
    this.transactions = transactions;
    this.tenants = tenants;
    this.serverService = serverService;
    this.servers = servers;
    this.tokens = tokens;
    this.format = format;
    this.ca = ca;
    this.clock = clock;
    this.random = random;
  }

  /** Creates a pending server and its first token; 404 unknown tenant, 409 existing server. */
  public IssuedToken addServer(ServerRef ref, TokenLifetime lifetime) {
    return transactions.inTransaction(
        () -> {
          Tenant tenant = tenants.require(ref.tenant());
          if (servers.find(ref).isPresent()) {
            throw new LockerException.Conflict("server '" + ref + "' already exists");
          }
          return issue(servers.create(tenant.id(), ref, now()), lifetime);
        });
  }

  /**
   * A new token for a pending server; earlier unused tokens stop working. 409 once enrolled. A
   * revoked server goes back to pending (its revoked certificate stays refused for ever; its
   * keyring stays, to be unlocked with the same passphrase after the new enrollment).
   */
  public IssuedToken reissueToken(ServerRef ref, TokenLifetime lifetime) {
    return transactions.inTransaction(
        () -> {
          Server server = serverService.require(ref);
          if (server.state() == ServerState.ENROLLED) {
            throw new LockerException.Conflict("server '" + ref + "' is already enrolled");
          }
          if (server.state() == ServerState.REVOKED) {
            servers.markPending(server.id());
          }
          tokens.supersedeUnused(server.id());
          return issue(server, lifetime);
        });
  }

  /**
   * Redeems a token: 401 for an unknown secret, 410 when it expired, was used or was replaced, 400
   * for an unacceptable CSR. Any failure leaves the token and the server unchanged.
   */
  public EnrolledAgent enroll(SecretBytes presentedSecret, String csrPem) {
    String digest = presentedSecret.apply(Fingerprints::sha256);
    return transactions.inTransaction(
        () -> {
          StoredToken token =
              tokens
                  .findBySecretSha256(digest)
                  .orElseThrow(
                      () -> new LockerException.Unauthenticated("enrollment token is invalid"));
          Instant now = now();
          requireRedeemable(token, now);
          Server server = servers.find(token.server()).orElseThrow();
          PKCS10CertificationRequest csr = AgentCsr.parse(csrPem);
          X509Certificate certificate =
              ca.issueClient(csr, server.ref().toString(), CERTIFICATE_VALIDITY);
          tokens.markUsed(token.id(), now);
          servers.markEnrolled(server.id(), AgentCertificate.of(certificate), now);
          return new EnrolledAgent(server.ref(), certificate, ca.certificate());
        });
  }

  private static void requireRedeemable(StoredToken token, Instant now) {
    if (token.usedAt().isPresent()) {
      throw new LockerException.Gone("enrollment token was already used");
    }
    if (token.superseded()) {
      throw new LockerException.Gone("enrollment token was replaced by a newer one");
    }
    if (!now.isBefore(token.expiresAt())) {
      throw new LockerException.Gone("enrollment token has expired");
    }
  }

  private IssuedToken issue(Server server, TokenLifetime lifetime) {
    byte[] secret;
    try (SecretBytes raw = SecretBytes.random(SECRET_BYTES, random)) {
      secret = raw.apply(bytes -> Base64.getUrlEncoder().withoutPadding().encode(bytes));
    }
    try {
      Instant now = now();
      Instant expiresAt = now.plus(lifetime.duration());
      tokens.add(server.id(), Fingerprints.sha256(secret), now, expiresAt);
      String token = format.encode(server.ref(), new String(secret, StandardCharsets.US_ASCII));
      return new IssuedToken(server.ref(), token, expiresAt);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
