package io.keylocker.agent.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keys.KeyState;
import io.keylocker.agent.keys.ServedKeys.VersionInfo;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.crypto.KeyWrapper;
import io.keylocker.crypto.PassphraseKdf;
import io.keylocker.crypto.SecretBytes;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Version states, rotation and refresh of the keyring in memory (against an in-memory store). */
class KeyringLifecycleTest {
  private static final Enrollment OWNER =
      new Enrollment(URI.create("https://127.0.0.1:8443"), "acme", "db1", "0".repeat(64));
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PASSPHRASE = "correct horse battery";
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private static WrappedKeyring created;

  private InMemoryKeyringStore store;
  private Keyring keyring;

  @BeforeAll
  static void createOnce() {
    InMemoryKeyringStore store = new InMemoryKeyringStore();
    try (SecretBytes passphrase = KeyringTest.passphrase(PASSPHRASE)) {
      new KeyringSetup(store, RANDOM).create(OWNER, passphrase);
    }
    created = store.stored();
  }

  @BeforeEach
  void freshKeyring() {
    store = new InMemoryKeyringStore();
    store.replace(created);
    keyring = new Keyring(OWNER, store, Clock.systemUTC(), RANDOM);
  }

  private void unlock() {
    try (SecretBytes passphrase = KeyringTest.passphrase(PASSPHRASE)) {
      keyring.unlock(passphrase);
    }
  }

  /** A version wrapped under the real KEK, as the agent would have stored it. */
  private static WrappedVersion wrapped(long keyId, long version, KeyState state) {
    try (SecretBytes passphrase = KeyringTest.passphrase(PASSPHRASE);
        SecretBytes kek = PassphraseKdf.deriveKek(passphrase, created.kdf());
        SecretBytes key = SecretBytes.random(32, RANDOM)) {
      byte[] blob = new KeyWrapper(RANDOM).wrap(kek, key, UnlockedKeys.context(OWNER, keyId, version));
      return new WrappedVersion(keyId, version, T0.plusSeconds(version), state, blob);
    }
  }

  private static WrappedKeyring keyringWith(WrappedVersion... versions) {
    List<WrappedVersion> all = new ArrayList<>(created.versions());
    all.addAll(List.of(versions));
    return new WrappedKeyring(created.kdf(), created.verifier(), all);
  }

  @Test
  void latest_isOnlyTheActiveVersion_whileDeactivatedAndCompromisedAreServedByVersion() {
    store.replace(keyringWith(
        wrapped(2, 1, KeyState.DEACTIVATED), wrapped(2, 2, KeyState.ACTIVE), wrapped(2, 3, KeyState.PRE_ACTIVE),
        new WrappedVersion(3, 1, T0, KeyState.DESTROYED, null), wrapped(3, 2, KeyState.COMPROMISED)));

    unlock();

    assertThat(keyring.latest(2).orElseThrow().version()).isEqualTo(2);
    assertThat(keyring.version(2, 1)).isPresent();
    assertThat(keyring.version(2, 3)).as("pre-active is not served").isEmpty();
    assertThat(keyring.latest(3)).as("no active version").isEmpty();
    assertThat(keyring.version(3, 1)).isEmpty();
    assertThat(keyring.version(3, 2)).isPresent();
    assertThat(keyring.history(3).orElseThrow().versions()).extracting(VersionInfo::state)
        .containsExactly(KeyState.DESTROYED, KeyState.COMPROMISED);
  }

  @Test
  void rotate_createsTheNextVersion_servesItAsLatest_andKeepsTheOldOneByVersion() {
    unlock();
    byte[] old = keyring.latest(1).orElseThrow().material().copy();
    Instant requested = Instant.now();

    Keyring.Rotation rotation = keyring.rotate(1, requested).orElseThrow();

    assertThat(rotation).isEqualTo(new Keyring.Rotation(1, 2, true));
    assertThat(keyring.latest(1).orElseThrow().version()).isEqualTo(2);
    assertThat(keyring.version(1, 1).orElseThrow().material().contentEquals(old)).isTrue();
    assertThat(keyring.history(1).orElseThrow().versions()).extracting(VersionInfo::state)
        .containsExactly(KeyState.DEACTIVATED, KeyState.ACTIVE);
    assertThat(store.stored().active(1).orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void rotate_requestedBeforeTheActiveVersionWasCreated_createsNothing() {
    unlock();
    Instant requested = Instant.now();
    keyring.rotate(1, requested);

    Keyring.Rotation again = keyring.rotate(1, requested).orElseThrow();

    assertThat(again).isEqualTo(new Keyring.Rotation(1, 2, false));
    assertThat(store.stored().versions()).hasSize(2);
  }

  @Test
  void rotate_whileLocked_waits_andOfAnUnknownKey_isNotFound() {
    assertThat(keyring.rotate(1, Instant.now())).isEmpty();
    assertThat(store.stored().versions()).hasSize(1);

    unlock();
    assertThatThrownBy(() -> keyring.rotate(9, Instant.now()))
        .isInstanceOf(AgentException.NotFound.class)
        .hasMessage("key 9 does not exist");
  }

  @Test
  void refresh_wipesAndForgetsADestroyedVersion_andUnwrapsNewOnes() {
    unlock();
    keyring.rotate(1, Instant.now());
    SecretBytes first = keyring.version(1, 1).orElseThrow().material();
    WrappedVersion second = store.stored().active(1).orElseThrow();
    store.replace(new WrappedKeyring(created.kdf(), created.verifier(), List.of(
        new WrappedVersion(1, 1, T0, KeyState.DESTROYED, null), second, wrapped(4, 1, KeyState.ACTIVE))));

    keyring.refresh();

    assertThat(first.isWiped()).isTrue();
    assertThat(keyring.version(1, 1)).isEmpty();
    assertThat(keyring.latest(1).orElseThrow().version()).isEqualTo(2);
    assertThat(keyring.latest(4)).isPresent();
    assertThat(keyring.history(1).orElseThrow().versions().getFirst().state()).isEqualTo(KeyState.DESTROYED);
  }
}
