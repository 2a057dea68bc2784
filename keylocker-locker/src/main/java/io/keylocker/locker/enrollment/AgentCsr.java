package io.keylocker.locker.enrollment;

import io.keylocker.crypto.pki.CertificateAuthority;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.locker.error.LockerException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** The agent's certificate signing request: PEM, correctly self-signed, EC P-256 (docs/api.md). */
final class AgentCsr {
  private static final ECParameterSpec P256 = p256();

  private AgentCsr() {}

  static PKCS10CertificationRequest parse(String pem) {
    PKCS10CertificationRequest csr;
    PublicKey key;
    try {
      csr = Pem.csr(pem);
      key = CertificateAuthority.Csrs.verifiedPublicKey(csr);
    } catch (IllegalArgumentException e) {
      throw new LockerException.Invalid(
          "csr is not a valid, self-signed certificate signing request in PEM");
    }
    if (!(key instanceof ECPublicKey ec) || !isP256(ec.getParams())) {
      throw new LockerException.Invalid("csr key must be an EC P-256 key");
    }
    return csr;
  }

  private static boolean isP256(ECParameterSpec spec) {
    return spec.getCurve().equals(P256.getCurve())
        && spec.getOrder().equals(P256.getOrder())
        && spec.getGenerator().equals(P256.getGenerator());
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("EC P-256 unavailable", e);
    }
  }
}
