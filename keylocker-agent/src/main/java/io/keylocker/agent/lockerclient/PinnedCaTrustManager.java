package io.keylocker.agent.lockerclient;

import io.keylocker.crypto.pki.Fingerprints;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust for the one enrollment request: the server's chain must contain a CA certificate whose
 * SHA-256 fingerprint is the one pinned in the token; the chain is then validated by the JDK's
 * PKIX trust manager anchored at exactly that certificate, including host name verification
 * (which needs the {@link SSLEngine} or socket variant; the plain variant is refused).
 */
final class PinnedCaTrustManager extends X509ExtendedTrustManager {
  private final String fingerprint;

  private PinnedCaTrustManager(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  static SSLContext context(String caFingerprint, SecureRandom random) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new PinnedCaTrustManager(caFingerprint)}, random);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS unavailable", e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    anchoredAtPinnedCa(chain).checkServerTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    anchoredAtPinnedCa(chain).checkServerTrusted(chain, authType, socket);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("host name verification needs a TLS engine or socket");
  }

  private X509ExtendedTrustManager anchoredAtPinnedCa(X509Certificate[] chain) throws CertificateException {
    for (X509Certificate certificate : chain) {
      if (certificate.getBasicConstraints() >= 0 && fingerprint.equals(Fingerprints.sha256(certificate))) {
        return pkix(certificate);
      }
    }
    throw new CertificateException(
        "the locker's certificate chain does not contain the CA whose fingerprint is in the enrollment token");
  }

  private static X509ExtendedTrustManager pkix(X509Certificate anchor) throws CertificateException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry("pinned-ca", anchor);
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509ExtendedTrustManager extended) {
          return extended;
        }
      }
      throw new CertificateException("no PKIX trust manager available");
    } catch (GeneralSecurityException | IOException e) {
      throw new CertificateException("cannot validate the locker's certificate", e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    throw new CertificateException("the agent does not accept client certificates");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
