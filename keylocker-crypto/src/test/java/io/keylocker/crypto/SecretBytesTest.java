package io.keylocker.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretBytesTest {
  @Test
  void toString_neverRevealsContent() {
    try (SecretBytes secret = SecretBytes.copyOf("hunter2-hunter2".getBytes(StandardCharsets.US_ASCII))) {
      assertThat(secret.toString()).doesNotContain("hunter2").contains("redacted").contains("15 bytes");
    }
  }

  @Test
  void takeOwnership_zeroesTheSourceArray() {
    byte[] source = {1, 2, 3, 4};
    try (SecretBytes secret = SecretBytes.takeOwnership(source)) {
      assertThat(source).containsOnly(0);
      assertThat(secret.copy()).containsExactly(1, 2, 3, 4);
    }
  }

  @Test
  void close_wipesAndForbidsFurtherUse() {
    SecretBytes secret = SecretBytes.copyOf(new byte[] {9, 9});
    secret.close();
    assertThat(secret.isWiped()).isTrue();
    assertThatThrownBy(secret::copy).isInstanceOf(IllegalStateException.class);
    secret.close(); // idempotent
  }

  @Test
  void writeHex_isLowerCaseHexOfTheContent() {
    try (SecretBytes secret = SecretBytes.copyOf(new byte[] {0x00, (byte) 0xab, 0x7f, (byte) 0xff})) {
      byte[] out = new byte[10];
      secret.writeHex(out, 1);
      assertThat(new String(out, 1, 8, StandardCharsets.US_ASCII)).isEqualTo("00ab7fff");
    }
  }

  @Test
  void contentEquals_comparesBytes() {
    SecureRandom random = new SecureRandom();
    try (SecretBytes a = SecretBytes.random(32, random);
        SecretBytes b = SecretBytes.copyOf(a.copy());
        SecretBytes c = SecretBytes.random(32, random)) {
      assertThat(a.contentEquals(b)).isTrue();
      assertThat(a.contentEquals(c)).isFalse();
      assertThat(a.contentEquals(new byte[31])).isFalse();
    }
  }

  @Test
  void apply_wipesTheTemporaryCopy() {
    byte[][] seen = new byte[1][];
    try (SecretBytes secret = SecretBytes.copyOf(new byte[] {5, 6, 7})) {
      secret.apply(bytes -> seen[0] = bytes);
    }
    assertThat(seen[0]).containsOnly(0);
  }
}
