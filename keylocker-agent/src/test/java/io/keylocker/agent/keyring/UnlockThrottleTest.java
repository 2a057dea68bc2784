package io.keylocker.agent.keyring;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.agent.error.AgentException;
import io.keylocker.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnlockThrottleTest {
  private final FakeClock clock = new FakeClock(Instant.parse("2026-12-03T16:18:00Z"));
  private final UnlockThrottle throttle = new UnlockThrottle(clock);

  @Test
  void firstTwoFailures_areFree_theThirdStartsAnExponentialDelay() {
    throttle.failed();
    throttle.failed();
    assertThatCode(throttle::check).doesNotThrowAnyException();

    throttle.failed();
    assertThatThrownBy(throttle::check)
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("try again in 2 seconds");
    clock.advance(Duration.ofSeconds(2));
    assertThatCode(throttle::check).doesNotThrowAnyException();

    throttle.failed();
    clock.advance(Duration.ofSeconds(3));
    assertThatThrownBy(throttle::check).hasMessageContaining("try again in 1 seconds");
    clock.advance(Duration.ofSeconds(1));
    assertThatCode(throttle::check).doesNotThrowAnyException();
  }

  @Test
  void delay_isCappedAtTenMinutes_andSuccessResetsIt() {
    for (int i = 0; i < 40; i++) {
      throttle.failed();
    }
    clock.advance(Duration.ofMinutes(10));
    assertThatCode(throttle::check).doesNotThrowAnyException();

    throttle.succeeded();
    throttle.failed();
    assertThatCode(throttle::check).doesNotThrowAnyException();
  }
}
