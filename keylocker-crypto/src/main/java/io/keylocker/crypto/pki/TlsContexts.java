package io.keylocker.crypto.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts for every endpoint and client: TLS 1.3 preferred, TLS 1.2 allowed, nothing older
 * (see {@link #PROTOCOLS}); trust is always an explicit CA, never the system store.
 */
public final class TlsContexts {
  public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private TlsContexts() {}

  /** Key material: a private key and its chain, leaf first. */
  public record Identity(PrivateKey key, List<X509Certificate> chain) {
    public Identity {
      chain = List.copyOf(chain);
    }
  }

  public static SSLContext create(Optional<Identity> identity, Optional<X509Certificate> trustedCa) {
    try {
      KeyManagerFactory kmf = null;
      if (identity.isPresent()) {
        KeyStore keys = emptyStore();
        char[] none = new char[0];
        keys.setKeyEntry("identity", identity.get().key(), none, identity.get().chain().toArray(X509Certificate[]::new));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, none);
      }
      TrustManagerFactory tmf = null;
      if (trustedCa.isPresent()) {
        KeyStore trust = emptyStore();
        trust.setCertificateEntry("ca", trustedCa.get());
        tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          kmf == null ? null : kmf.getKeyManagers(),
          tmf == null ? new javax.net.ssl.TrustManager[0] : tmf.getTrustManagers(),
          new SecureRandom());
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build TLS context", e);
    }
  }

  /** A client context that trusts exactly {@code ca}, with an optional client identity. */
  public static SSLContext client(X509Certificate ca, Optional<Identity> identity) {
    return create(identity, Optional.of(ca));
  }

  private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    return store;
  }
}
