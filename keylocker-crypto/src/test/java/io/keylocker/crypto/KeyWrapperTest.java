package io.keylocker.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class KeyWrapperTest {
  private final SecureRandom random = new SecureRandom();
  private final KeyWrapper wrapper = new KeyWrapper(random);
  private final SecretBytes kek = SecretBytes.random(32, random);
  private final SecretBytes key = SecretBytes.random(32, random);
  private final WrapContext context = WrapContext.keyVersion("acme", "db1/default", "1", 1);

  @Test
  void unwrap_withSameKekAndContext_returnsTheKey() throws CryptoException {
    byte[] blob = wrapper.wrap(kek, key, context);
    assertThat(blob[0]).isEqualTo((byte) KeyWrapper.FORMAT_VERSION);
    assertThat(blob).hasSize(1 + 12 + 32 + 16);
    try (SecretBytes opened = wrapper.unwrap(kek, blob, context)) {
      assertThat(opened.contentEquals(key)).isTrue();
    }
  }

  @Test
  void wrap_usesAFreshNonceEachTime() {
    assertThat(wrapper.wrap(kek, key, context)).isNotEqualTo(wrapper.wrap(kek, key, context));
  }

  @Test
  void unwrap_withOtherContext_fails() {
    byte[] blob = wrapper.wrap(kek, key, context);
    for (WrapContext other :
        new WrapContext[] {
          WrapContext.keyVersion("other", "db1/default", "1", 1),
          WrapContext.keyVersion("acme", "db2/default", "1", 1),
          WrapContext.keyVersion("acme", "db1/default", "2", 1),
          WrapContext.keyVersion("acme", "db1/default", "1", 2),
          WrapContext.verifier("acme", "db1/default")
        }) {
      assertThatThrownBy(() -> wrapper.unwrap(kek, blob, other)).isInstanceOf(CryptoException.class);
    }
  }

  @Test
  void unwrap_fieldBoundariesAreUnambiguous() {
    byte[] blob = wrapper.wrap(kek, key, WrapContext.keyVersion("ab", "c", "1", 1));
    assertThatThrownBy(() -> wrapper.unwrap(kek, blob, WrapContext.keyVersion("a", "bc", "1", 1)))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void unwrap_withOtherKek_failsWithBlandMessage() {
    byte[] blob = wrapper.wrap(kek, key, context);
    try (SecretBytes otherKek = SecretBytes.random(32, random)) {
      assertThatThrownBy(() -> wrapper.unwrap(otherKek, blob, context))
          .isInstanceOf(CryptoException.class)
          .hasMessage("cryptographic verification failed");
    }
  }

  @Test
  void unwrap_tamperedOrTruncatedOrWrongVersion_fails() {
    byte[] blob = wrapper.wrap(kek, key, context);
    for (int i = 0; i < blob.length; i++) {
      byte[] tampered = blob.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> wrapper.unwrap(kek, tampered, context)).isInstanceOf(CryptoException.class);
    }
    byte[] truncated = java.util.Arrays.copyOf(blob, 20);
    assertThatThrownBy(() -> wrapper.unwrap(kek, truncated, context)).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> wrapper.unwrap(kek, new byte[0], context)).isInstanceOf(CryptoException.class);
  }

  @Test
  void wrap_refusesAKekThatIsNot256Bits() {
    try (SecretBytes shortKek = SecretBytes.random(16, random)) {
      assertThatThrownBy(() -> wrapper.wrap(shortKek, key, context)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
