package io.keylocker.locker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyEntry;
import io.keylocker.locker.keyrings.KeyEvent;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyLifecycle;
import io.keylocker.locker.keyrings.KeyState;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.VersionNumber;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.usage.UsageReport;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of lifecycle operations against the real services and database: every stored
 * change is a legal transition, no key ever has two active versions, and refused operations change
 * nothing.
 */
class KeyLifecyclePropertiesTest {
  private static LifecycleHarness harness;

  enum Kind {
    UPLOAD,
    ROTATE,
    COMPROMISE,
    SCHEDULE_DESTROY,
    CANCEL_DESTROY,
    RUN_SCHEDULER,
    REPORT_IN_USE,
    REPORT_FREE
  }

  /** Kinds repeated by how often they are drawn: enough uploads and reports for destroys to run. */
  private static final Kind[] KIND_WEIGHTS = {
    Kind.UPLOAD,
    Kind.UPLOAD,
    Kind.UPLOAD,
    Kind.ROTATE,
    Kind.COMPROMISE,
    Kind.SCHEDULE_DESTROY,
    Kind.SCHEDULE_DESTROY,
    Kind.SCHEDULE_DESTROY,
    Kind.CANCEL_DESTROY,
    Kind.RUN_SCHEDULER,
    Kind.RUN_SCHEDULER,
    Kind.REPORT_IN_USE,
    Kind.REPORT_FREE,
    Kind.REPORT_FREE
  };

  record Op(Kind kind, long key, long version, int days) {}

  @BeforeContainer
  static void open() throws IOException {
    harness = new LifecycleHarness(Files.createTempDirectory("lifecycle").resolve("k.db"));
  }

  @AfterContainer
  static void close() {
    harness.close();
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Op> op =
        Combinators.combine(
                Arbitraries.of(KIND_WEIGHTS),
                Arbitraries.longs().between(1, 2),
                Arbitraries.longs().between(1, 3),
                Arbitraries.integers().between(0, 10))
            .as(Op::new);
    return op.list().ofMinSize(1).ofMaxSize(30);
  }

  @Property(tries = 60)
  void anySequence_makesOnlyLegalTransitions_andKeepsOneActiveVersionPerKey(
      @ForAll("operations") List<Op> operations) {
    Server server = harness.serverWithKeyring();
    for (Op op : operations) {
      Map<String, KeyState> before = states(server);
      try {
        apply(server, op);
      } catch (LockerException.Conflict | LockerException.NotFound refused) {
        assertThat(states(server)).as("refused %s changes nothing", op).isEqualTo(before);
      }
      assertOneActivePerKey_andBlobsOnlyWhileNotDestroyed(server);
    }
    assertEventsAreLegalChains(harness.events.events());
  }

  private static void apply(Server server, Op op) {
    KeyId key = new KeyId(op.key());
    VersionNumber version = new VersionNumber(op.version());
    switch (op.kind()) {
      case UPLOAD ->
          harness.keyrings.addVersion(server, key, next(server, key), LifecycleHarness.blob());
      case ROTATE -> harness.lifecycle.rotate(server.ref(), Optional.of(key));
      case COMPROMISE -> harness.lifecycle.compromise(server.ref(), key, version, "property test");
      case SCHEDULE_DESTROY ->
          harness.lifecycle.scheduleDestroy(
              server.ref(), key, version, Optional.of(Duration.ofDays(op.days() % 3)));
      case CANCEL_DESTROY -> harness.lifecycle.cancelDestroy(server.ref(), key, version);
      case RUN_SCHEDULER -> {
        harness.clock.advance(Duration.ofDays(op.days()));
        harness.scheduler.runOnce();
      }
      case REPORT_IN_USE -> harness.usage.record(server, report(op.version(), false));
      case REPORT_FREE -> harness.usage.record(server, report(Long.MAX_VALUE, true));
    }
  }

  /**
   * A tablespace of key 2 at {@code minVersion} (none for {@code Long.MAX_VALUE}); logs known and
   * on key 1 version 1, or unknown.
   */
  private static UsageReport report(long minVersion, boolean logsKnown) {
    List<UsageReport.Tablespace> spaces =
        minVersion == Long.MAX_VALUE
            ? List.of()
            : List.of(
                new UsageReport.Tablespace("db/t", new KeyId(2), minVersion, minVersion, false));
    return new UsageReport(
        Instant.EPOCH,
        new UsageReport.Database("MariaDB", "10.11", Optional.of(Instant.parse("2000-01-01T00:00:00Z"))),
        spaces,
        List.of(),
        logsKnown ? Optional.of(new UsageReport.LogKey(new KeyId(1), 1)) : Optional.empty(),
        logsKnown ? Optional.of(List.of()) : Optional.empty());
  }

  private static VersionNumber next(Server server, KeyId key) {
    return harness.keyrings.get(server).keys().stream()
        .filter(entry -> entry.id().equals(key))
        .map(entry -> entry.versions().getLast().version().next())
        .findFirst()
        .orElse(VersionNumber.FIRST);
  }

  private static Map<String, KeyState> states(Server server) {
    Map<String, KeyState> states = new HashMap<>();
    for (KeyEntry key : harness.keyrings.get(server).keys()) {
      for (KeyVersion version : key.versions()) {
        states.put(key.id().value() + "/" + version.version().value(), version.state());
      }
    }
    return states;
  }

  private static void assertOneActivePerKey_andBlobsOnlyWhileNotDestroyed(Server server) {
    for (KeyEntry key : harness.keyrings.get(server).keys()) {
      assertThat(key.versions().stream().filter(v -> v.state() == KeyState.ACTIVE).count())
          .as("active versions of key %s", key.id().value())
          .isLessThanOrEqualTo(1);
      for (KeyVersion version : key.versions()) {
        assertThat(version.wrapped().isPresent()).isEqualTo(version.state() != KeyState.DESTROYED);
      }
    }
  }

  /**
   * Each event (of every try so far: the scheduler also acts on earlier tries' keyrings) is allowed
   * by the table and starts where the version's previous event ended.
   */
  private static void assertEventsAreLegalChains(List<KeyEvent> events) {
    Map<String, KeyState> last = new HashMap<>();
    for (KeyEvent event : events) {
      assertThat(KeyLifecycle.allows(event.from(), event.to())).as("%s", event).isTrue();
      Statistics.collect(event.from() + ">" + event.to());
      String id = event.tenant() + "/" + event.keyId().value() + "/" + event.version().value();
      assertThat(event.from()).isEqualTo(last.getOrDefault(id, KeyState.PRE_ACTIVE));
      last.put(id, event.to());
    }
  }
}
