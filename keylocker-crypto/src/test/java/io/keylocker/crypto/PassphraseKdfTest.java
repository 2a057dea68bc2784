package io.keylocker.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PassphraseKdfTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void deriveKek_isDeterministicPerSaltAndPassphrase() {
    KdfParameters params = KdfParameters.recommended(random);
    KdfParameters otherSalt = KdfParameters.recommended(random);
    try (SecretBytes pass = secret("correct horse battery");
        SecretBytes other = secret("correct horse battery!");
        SecretBytes a = PassphraseKdf.deriveKek(pass, params);
        SecretBytes b = PassphraseKdf.deriveKek(pass, params);
        SecretBytes c = PassphraseKdf.deriveKek(pass, otherSalt);
        SecretBytes d = PassphraseKdf.deriveKek(other, params)) {
      assertThat(a.length()).isEqualTo(32);
      assertThat(a.contentEquals(b)).isTrue();
      assertThat(a.contentEquals(c)).isFalse();
      assertThat(a.contentEquals(d)).isFalse();
    }
  }

  @Test
  void parameters_belowRfc9106SecondRecommendation_areRefused() {
    byte[] salt = new byte[16];
    assertThatThrownBy(() -> new KdfParameters("argon2id", 65535, 3, 4, salt)).hasMessageContaining("memory_kib");
    assertThatThrownBy(() -> new KdfParameters("argon2id", 65536, 2, 4, salt)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> new KdfParameters("argon2id", 65536, 3, 1, salt)).hasMessageContaining("parallelism");
    assertThatThrownBy(() -> new KdfParameters("argon2i", 65536, 3, 4, salt)).hasMessageContaining("argon2id");
    assertThatThrownBy(() -> new KdfParameters("argon2id", 65536, 3, 4, new byte[8])).hasMessageContaining("salt");
    assertThatThrownBy(() -> new KdfParameters("argon2id", Integer.MAX_VALUE, 3, 4, salt)).hasMessageContaining("memory_kib");
  }

  @Test
  void verifier_tellsRightKekFromWrong() {
    KekVerifier verifier = new KekVerifier(new KeyWrapper(random));
    try (SecretBytes kek = SecretBytes.random(32, random); SecretBytes wrong = SecretBytes.random(32, random)) {
      byte[] blob = verifier.create(kek, "acme", "db1/default");
      assertThat(verifier.matches(kek, blob, "acme", "db1/default")).isTrue();
      assertThat(verifier.matches(wrong, blob, "acme", "db1/default")).isFalse();
      assertThat(verifier.matches(kek, blob, "acme", "db2/default")).isFalse();
    }
  }

  @Test
  void selfTest_passesOnThisJdk() {
    CryptoSelfTest.run();
  }

  private static SecretBytes secret(String text) {
    return SecretBytes.takeOwnership(text.getBytes(StandardCharsets.UTF_8));
  }
}
