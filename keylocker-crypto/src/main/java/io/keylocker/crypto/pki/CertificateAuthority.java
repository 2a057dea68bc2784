package io.keylocker.crypto.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * A small X.509 certificate authority: the locker's own CA (server certificate, agent client
 * certificates) and the agent's local CA for its Vault endpoint. Holds its private key; the caller
 * decides where that is stored.
 */
public final class CertificateAuthority {
  private final PrivateKey key;
  private final X509Certificate certificate;
  private final Clock clock;
  private final SecureRandom random;

  public CertificateAuthority(PrivateKey key, X509Certificate certificate, Clock clock, SecureRandom random) {
    this.key = key;
    this.certificate = certificate;
    this.clock = clock;
    this.random = random;
  }

  /** A new self-signed CA valid for ten years. */
  public static CertificateAuthority create(String commonName, Clock clock, SecureRandom random) {
    KeyPair pair = KeyPairs.ecP256(random);
    X500Name name = name(commonName);
    Instant now = clock.instant();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  name, serial(random), Date.from(now.minusSeconds(60)), Date.from(now.plus(Duration.ofDays(3650))),
                  name, pair.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
              .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
      X509Certificate cert = sign(builder, pair.getPrivate());
      return new CertificateAuthority(pair.getPrivate(), cert, clock, random);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot create CA", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey privateKey() {
    return key;
  }

  /** A TLS server certificate for the given DNS names and IP addresses. */
  public X509Certificate issueServer(PublicKey subjectKey, String commonName, List<String> hostsAndIps, Duration validity) {
    List<GeneralName> names = new ArrayList<>();
    for (String host : hostsAndIps) {
      names.add(isIpLiteral(host) ? new GeneralName(GeneralName.iPAddress, host) : new GeneralName(GeneralName.dNSName, host));
    }
    return issue(subjectKey, name(commonName), validity, KeyPurposeId.id_kp_serverAuth, names);
  }

  /** A TLS client certificate for the key in a CSR whose signature has been checked. */
  public X509Certificate issueClient(PKCS10CertificationRequest csr, String commonName, Duration validity) {
    return issue(Csrs.verifiedPublicKey(csr), name(commonName), validity, KeyPurposeId.id_kp_clientAuth, List.of());
  }

  private X509Certificate issue(
      PublicKey subjectKey, X500Name subject, Duration validity, KeyPurposeId purpose, List<GeneralName> altNames) {
    Instant now = clock.instant();
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  certificate, serial(random), Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)),
                  subject, subjectKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
              .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
              .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
      if (!altNames.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName, false, new GeneralNames(altNames.toArray(GeneralName[]::new)));
      }
      return sign(builder, key);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot issue certificate", e);
    }
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
      throws GeneralSecurityException {
    try {
      ContentSigner contentSigner = new JcaContentSignerBuilder("SHA256withECDSA").build(signer);
      return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(127, random).setBit(126);
  }

  /** IPv4 dotted quads and IPv6 literals (the only names with a colon); never a DNS lookup. */
  private static boolean isIpLiteral(String host) {
    return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  /** CSR creation (agent side) and verification (CA side). */
  public static final class Csrs {
    private Csrs() {}

    public static String create(KeyPair pair, String commonName) {
      try {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
        PKCS10CertificationRequest request =
            new org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder(name(commonName), pair.getPublic())
                .build(signer);
        return Pem.encode(request);
      } catch (OperatorCreationException e) {
        throw new IllegalStateException("cannot create CSR", e);
      }
    }

    /** The CSR's public key, after checking the CSR is signed by its private key. */
    public static PublicKey verifiedPublicKey(PKCS10CertificationRequest csr) {
      try {
        JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(csr);
        PublicKey key = request.getPublicKey();
        if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
          throw new IllegalArgumentException("CSR signature is invalid");
        }
        if (!"EC".equals(key.getAlgorithm())) {
          throw new IllegalArgumentException("CSR key must be an EC key");
        }
        return key;
      } catch (GeneralSecurityException | OperatorCreationException | org.bouncycastle.pkcs.PKCSException e) {
        throw new IllegalArgumentException("CSR cannot be verified");
      }
    }
  }
}
