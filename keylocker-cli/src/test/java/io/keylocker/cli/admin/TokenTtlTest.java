package io.keylocker.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class TokenTtlTest {
  @ParameterizedTest
  @CsvSource({"90s, 90", "30m, 1800", "24h, 86400", "7d, 604800"})
  void durationsWithUnit_becomeSeconds(String text, long seconds) {
    assertThat(new TokenTtl().convert(text)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @ParameterizedTest
  @ValueSource(strings = {"24", "h", "1.5h", "-1h", "24H", "1w", "", "12345678h"})
  void anythingElse_isRejected(String text) {
    assertThatThrownBy(() -> new TokenTtl().convert(text))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("for example 24h");
  }
}
