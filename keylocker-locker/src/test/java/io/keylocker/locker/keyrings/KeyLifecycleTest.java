package io.keylocker.locker.keyrings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.events.RecentEvents;
import io.keylocker.locker.servers.ServerName;
import io.keylocker.locker.tenants.TenantName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class KeyLifecycleTest {
  @Test
  void table_allowsExactlyTheContractsTransitions() {
    List<String> allowed = new ArrayList<>();
    for (KeyState from : KeyState.values()) {
      for (KeyState to : KeyState.values()) {
        if (KeyLifecycle.allows(from, to)) {
          allowed.add(from.label() + ">" + to.label());
        }
      }
    }

    assertThat(allowed)
        .containsExactlyInAnyOrder(
            "pre-active>active",
            "pre-active>compromised",
            "pre-active>destroyed",
            "active>deactivated",
            "active>compromised",
            "deactivated>compromised",
            "deactivated>destroyed",
            "compromised>destroyed");
  }

  @Property
  void transition_returnsTheTargetWhenAllowed_andIsRefusedOtherwise(
      @ForAll KeyState from, @ForAll KeyState to) {
    if (KeyLifecycle.allows(from, to)) {
      assertThat(KeyLifecycle.transition(from, to)).isEqualTo(to);
    } else {
      assertThatThrownBy(() -> KeyLifecycle.transition(from, to))
          .isInstanceOf(LockerException.Conflict.class)
          .hasMessage("a key version cannot go from " + from.label() + " to " + to.label());
    }
  }

  @Test
  void inMemoryEvents_keepOnlyTheMostRecent() {
    RecentEvents<KeyEvent> events = new RecentEvents<>(2);
    for (int version = 1; version <= 3; version++) {
      events.add(
          new KeyEvent(
              new TenantName("acme"),
              new ServerName("db1"),
              new KeyId(1),
              new VersionNumber(version),
              KeyState.PRE_ACTIVE,
              KeyState.ACTIVE,
              "test",
              Instant.EPOCH));
    }

    assertThat(events.recent()).extracting(e -> e.version().value()).containsExactly(2L, 3L);
  }
}
