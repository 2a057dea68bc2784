package io.keylocker.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Known-answer tests run once at start-up by every deployable: AES-256-GCM (the GCM
 * specification's test case 14) and Argon2id (RFC 9106 §5.3). A failure stops the process.
 */
public final class CryptoSelfTest {
  private static final HexFormat HEX = HexFormat.of();

  private CryptoSelfTest() {}

  public static void run() {
    aesGcm();
    argon2id();
  }

  private static void aesGcm() {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"), new GCMParameterSpec(128, new byte[12]));
      byte[] out = cipher.doFinal(new byte[16]);
      expect("AES-256-GCM", out, "cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("crypto self-test failed: AES-256-GCM unavailable", e);
    }
  }

  private static void argon2id() {
    Argon2Parameters params =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(32)
            .withIterations(3)
            .withParallelism(4)
            .withSalt(filled(16, 0x02))
            .withSecret(filled(8, 0x03))
            .withAdditional(filled(12, 0x04))
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(params);
    byte[] out = new byte[32];
    generator.generateBytes(filled(32, 0x01), out);
    expect("Argon2id", out, "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  private static void expect(String what, byte[] actual, String expectedHex) {
    if (!MessageDigest.isEqual(actual, HEX.parseHex(expectedHex))) {
      throw new IllegalStateException("crypto self-test failed: " + what + " known answer mismatch");
    }
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
