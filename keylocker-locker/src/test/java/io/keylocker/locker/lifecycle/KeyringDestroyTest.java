package io.keylocker.locker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.keylocker.locker.keyrings.KeyEvent;
import io.keylocker.locker.keyrings.KeyState;
import io.keylocker.locker.servers.Server;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduler's destroy of a whole keyring: every transition goes through the state machine. */
class KeyringDestroyTest {
  @TempDir Path dataDir;
  LifecycleHarness harness;

  @BeforeEach
  void start() {
    harness = new LifecycleHarness(dataDir.resolve("keylocker.db"));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  private List<KeyEvent> decommissionEvents() {
    return harness.events.events().stream()
        .filter(e -> e.reason().equals(LifecycleScheduler.DECOMMISSIONED))
        .toList();
  }

  @Test
  void dueKeyringDestroy_deactivatesThenDestroysActiveVersions_andRecordsEveryEvent() {
    Server server = harness.serverWithKeyring();
    harness.revoke(server);
    harness.lifecycle.scheduleKeyringDestroy(server.ref(), Optional.of(Duration.ofMinutes(1)));
    harness.scheduler.runOnce();
    List<KeyEvent> beforeDue = decommissionEvents();
    harness.clock.advance(Duration.ofMinutes(1));

    harness.scheduler.runOnce();

    assertThat(beforeDue).isEmpty();
    assertThat(decommissionEvents())
        .extracting(e -> e.keyId().value() + ":" + e.from().label() + "->" + e.to().label())
        .containsExactly(
            "1:active->deactivated",
            "1:deactivated->destroyed",
            "2:active->deactivated",
            "2:deactivated->destroyed");
    assertThat(decommissionEvents()).allSatisfy(e -> assertThat(e.at()).isEqualTo(now()));
    assertThat(harness.versions(server))
        .hasSize(2)
        .allSatisfy(
            v -> {
              assertThat(v.state()).isEqualTo(KeyState.DESTROYED);
              assertThat(v.wrapped()).isEmpty();
              assertThat(v.destroy()).isEmpty();
            });
  }

  @Test
  void dueKeyringDestroy_ofAServerReEnrolledMeanwhile_waitsForANewRevocation() {
    Server server = harness.serverWithKeyring();
    harness.revoke(server);
    harness.lifecycle.scheduleKeyringDestroy(server.ref(), Optional.of(Duration.ZERO));
    harness.reEnroll(server);

    harness.scheduler.runOnce();
    List<KeyEvent> whileEnrolled = decommissionEvents();
    harness.revoke(server);
    harness.scheduler.runOnce();

    assertThat(whileEnrolled).isEmpty();
    assertThat(harness.versions(server)).allMatch(v -> v.state() == KeyState.DESTROYED);
  }

  private java.time.Instant now() {
    return harness.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }
}
