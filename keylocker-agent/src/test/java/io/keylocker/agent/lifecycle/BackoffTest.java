package io.keylocker.agent.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delays_startAtOneSecond_doubleUpToThirty_andResetAfterSuccess() {
    Backoff backoff = new Backoff();

    assertThat(Stream.generate(backoff::next).limit(7).map(Duration::toSeconds))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    backoff.reset();
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
  }
}
