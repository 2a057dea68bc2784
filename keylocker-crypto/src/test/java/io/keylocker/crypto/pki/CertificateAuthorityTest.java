package io.keylocker.crypto.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private final SecureRandom random = new SecureRandom();
  private final CertificateAuthority ca = CertificateAuthority.create("test CA", Clock.systemUTC(), random);

  @Test
  void issueServer_signsWithSansForHostsAndIps() throws Exception {
    KeyPair pair = KeyPairs.ecP256(random);
    X509Certificate cert = ca.issueServer(pair.getPublic(), "locker", List.of("localhost", "127.0.0.1", "::1"), Duration.ofDays(1));
    cert.verify(ca.certificate().getPublicKey());
    assertThat(cert.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))).toList()).contains("localhost", "127.0.0.1");
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    X509Certificate named = ca.issueServer(pair.getPublic(), "locker", List.of("cafe", "10.0.0.1"), Duration.ofDays(1));
    assertThat(named.getSubjectAlternativeNames().stream().map(san -> (Integer) san.get(0)).toList()).containsExactly(2, 7);
  }

  @Test
  void issueClient_fromCsr_usesTheCsrKeyAndGivenName() throws Exception {
    KeyPair pair = KeyPairs.ecP256(random);
    String csr = CertificateAuthority.Csrs.create(pair, "ignored");
    X509Certificate cert = ca.issueClient(Pem.csr(csr), "acme/db1", Duration.ofDays(90));
    cert.verify(ca.certificate().getPublicKey());
    assertThat(cert.getPublicKey()).isEqualTo(pair.getPublic());
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=acme/db1");
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
  }

  @Test
  void csrSignedByAnotherKey_isRefused() {
    KeyPair pair = KeyPairs.ecP256(random);
    KeyPair other = KeyPairs.ecP256(random);
    var request = Pem.csr(CertificateAuthority.Csrs.create(pair, "x"));
    var forged =
        new org.bouncycastle.pkcs.PKCS10CertificationRequest(
            new org.bouncycastle.asn1.pkcs.CertificationRequest(
                new org.bouncycastle.asn1.pkcs.CertificationRequestInfo(
                    request.getSubject(),
                    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(other.getPublic().getEncoded()),
                    new org.bouncycastle.asn1.DERSet()),
                request.getSignatureAlgorithm(),
                new org.bouncycastle.asn1.DERBitString(request.getSignature())));
    assertThatThrownBy(() -> ca.issueClient(forged, "x", Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pem_roundTripsCertificatesAndKeys_andRejectsGarbage() {
    KeyPair pair = KeyPairs.ecP256(random);
    assertThat(Pem.certificate(Pem.encode(ca.certificate()))).isEqualTo(ca.certificate());
    assertThat(Pem.privateKey(Pem.encode(pair.getPrivate()))).isEqualTo(pair.getPrivate());
    assertThatThrownBy(() -> Pem.certificate("not a pem")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Fingerprints.sha256(ca.certificate())).hasSize(64).matches("[0-9a-f]+");
  }
}
