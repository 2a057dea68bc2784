package io.keylocker.crypto.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** PEM encoding and decoding of certificates, private keys and CSRs. Errors never echo input. */
public final class Pem {
  private Pem() {}

  /** PEM of a certificate, CSR or private key (private keys as unencrypted PKCS#8). */
  public static String encode(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      if (object instanceof PrivateKey key) {
        writer.writeObject(new JcaPKCS8Generator(key, null));
      } else {
        writer.writeObject(object);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  public static List<X509Certificate> certificates(String pem) {
    List<X509Certificate> certificates = new ArrayList<>();
    for (Object object : objects(pem)) {
      if (object instanceof X509CertificateHolder holder) {
        try {
          certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
        } catch (CertificateException e) {
          throw new IllegalArgumentException("invalid certificate in PEM");
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no certificate found in PEM");
    }
    return certificates;
  }

  public static X509Certificate certificate(String pem) {
    return certificates(pem).getFirst();
  }

  public static PrivateKey privateKey(String pem) {
    for (Object object : objects(pem)) {
      try {
        if (object instanceof PEMKeyPair pair) {
          return new JcaPEMKeyConverter().getKeyPair(pair).getPrivate();
        }
        if (object instanceof PrivateKeyInfo info) {
          return new JcaPEMKeyConverter().getPrivateKey(info);
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("invalid private key in PEM");
      }
    }
    throw new IllegalArgumentException("no private key found in PEM");
  }

  public static PKCS10CertificationRequest csr(String pem) {
    for (Object object : objects(pem)) {
      if (object instanceof PKCS10CertificationRequest request) {
        return request;
      }
    }
    throw new IllegalArgumentException("no certificate signing request found in PEM");
  }

  private static List<Object> objects(String pem) {
    List<Object> objects = new ArrayList<>();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        objects.add(o);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("malformed PEM");
    }
    return objects;
  }
}
