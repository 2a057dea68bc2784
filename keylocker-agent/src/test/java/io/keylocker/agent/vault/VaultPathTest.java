package io.keylocker.agent.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VaultPathTest {
  @Test
  void segments_dropEmptySegments_andPercentDecodeWithoutTurningPlusIntoSpace() {
    assertThat(VaultPath.segments("//v1//kv/a+b%20c/NF9rZXk%2FMF8=/")).containsExactly("v1", "kv", "a+b c", "NF9rZXk/MF8=");
    assertThat(VaultPath.segments("/")).isEmpty();
  }

  @Test
  void segments_rejectBrokenEncoding() {
    assertThat(VaultPath.segments("/v1/%")).isNull();
    assertThat(VaultPath.segments("/v1/%4")).isNull();
    assertThat(VaultPath.segments("/v1/%C3%28")).isNull();
  }

  @Test
  void parameter_findsTheFirstRawValue() {
    assertThat(VaultPath.parameter("a=1&version=3&version=4", "version")).isEqualTo("3");
    assertThat(VaultPath.parameter("list", "list")).isEmpty();
    assertThat(VaultPath.parameter("versions=2", "version")).isNull();
    assertThat(VaultPath.parameter(null, "version")).isNull();
  }

  @Test
  void decimal_isStrictAndBounded() {
    assertThat(VaultPath.decimal("4294967295", 4294967295L)).isEqualTo(4294967295L);
    assertThat(VaultPath.decimal("4294967296", 4294967295L)).isEqualTo(-1);
    assertThat(VaultPath.decimal("12345678901", Long.MAX_VALUE)).isEqualTo(-1);
    assertThat(VaultPath.decimal("1e3", 10_000)).isEqualTo(-1);
    assertThat(VaultPath.decimal("", 10)).isEqualTo(-1);
  }

  @Test
  void parseBool_followsGo() {
    assertThat(VaultPath.parseBool("True")).isTrue();
    assertThat(VaultPath.parseBool("0")).isFalse();
    assertThat(VaultPath.parseBool("yes")).isNull();
  }
}
