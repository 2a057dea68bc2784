package io.keylocker.agent.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keys.KeyState;
import io.keylocker.agent.keys.ServedKeys.ServedKey;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.testing.Poll;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyringTest {
  private static final Enrollment OWNER =
      new Enrollment(URI.create("https://127.0.0.1:8443"), "acme", "db1", "0".repeat(64));
  private static final SecureRandom RANDOM = new SecureRandom();
  private static WrappedKeyring created;

  private InMemoryKeyringStore store;
  private Keyring keyring;

  @BeforeAll
  static void createOnce() {
    InMemoryKeyringStore store = new InMemoryKeyringStore();
    try (SecretBytes passphrase = passphrase("correct horse battery")) {
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

  static SecretBytes passphrase(String text) {
    return SecretBytes.copyOf(text.getBytes(StandardCharsets.UTF_8));
  }

  private void unlock(String text) {
    try (SecretBytes passphrase = passphrase(text)) {
      keyring.unlock(passphrase);
    }
  }

  @Test
  void init_storesOnlyKeyOneVersionOne_withRecommendedKdf() {
    assertThat(created.versions()).singleElement().satisfies(v -> {
      assertThat(v.keyId()).isEqualTo(1);
      assertThat(v.version()).isEqualTo(1);
    });
    assertThat(created.kdf().memoryKib()).isGreaterThanOrEqualTo(64 * 1024);
    assertThat(created.kdf().iterations()).isEqualTo(3);
    assertThat(created.kdf().parallelism()).isEqualTo(4);
  }

  @Test
  void init_refusesAShortPassphrase() {
    try (SecretBytes shortOne = passphrase("eleven char")) {
      assertThatThrownBy(() -> new KeyringSetup(new InMemoryKeyringStore(), RANDOM).create(OWNER, shortOne))
          .isInstanceOf(AgentException.InvalidInput.class)
          .hasMessageContaining("at least 12 characters");
    }
  }

  @Test
  void unlock_thenServesKeyOne_andCreatesKeysThatAreServedToo() {
    assertThat(keyring.unlocked()).isFalse();

    unlock("correct horse battery");

    assertThat(keyring.unlocked()).isTrue();
    assertThat(keyring.keyIds()).containsExactly(1L);
    ServedKey one = keyring.latest(1).orElseThrow();
    assertThat(one.material().length()).isEqualTo(32);
    assertThat(keyring.version(1, 1)).contains(one);
    assertThat(store.reportedStates).containsExactly(true);

    keyring.createKey(42);

    assertThat(keyring.keyIds()).containsExactly(1L, 42L);
    assertThat(keyring.latest(42).orElseThrow().material().contentEquals(one.material())).isFalse();
    assertThat(store.stored().versions()).extracting(WrappedVersion::keyId).containsExactly(1L, 42L);
    assertThatThrownBy(() -> keyring.createKey(42))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void createdKey_unwrapsAfterLockAndUnlock_withTheSameMaterial() {
    unlock("correct horse battery");
    keyring.createKey(7);
    byte[] before = keyring.latest(7).orElseThrow().material().copy();

    keyring.lock();
    unlock("correct horse battery");

    assertThat(keyring.latest(7).orElseThrow().material().contentEquals(before)).isTrue();
  }

  @Test
  void unlock_withWrongPassphrase_failsAndChangesNothing() {
    assertThatThrownBy(() -> unlock("wrong horse battery"))
        .isInstanceOf(AgentException.AuthenticationFailed.class)
        .hasMessageContaining("wrong passphrase");

    assertThat(keyring.unlocked()).isFalse();
    assertThat(keyring.keyIds()).isEmpty();
    assertThat(keyring.latest(1)).isEmpty();
    assertThat(store.reportedStates).isEmpty();
  }

  @Test
  void unlock_whenAlreadyUnlocked_stillRejectsAWrongPassphrase_andKeepsServing() {
    unlock("correct horse battery");
    var served = keyring.latest(1).orElseThrow();

    assertThatThrownBy(() -> unlock("wrong horse battery"))
        .isInstanceOf(AgentException.AuthenticationFailed.class)
        .hasMessageContaining("stays unlocked");
    unlock("correct horse battery");

    assertThat(keyring.unlocked()).isTrue();
    assertThat(keyring.latest(1).orElseThrow().material()).isSameAs(served.material());
  }

  @Test
  void lock_wipesEveryServedKey() {
    unlock("correct horse battery");
    keyring.createKey(2);
    List<SecretBytes> served = new ArrayList<>();
    for (long id : keyring.keyIds()) {
      served.add(keyring.latest(id).orElseThrow().material());
    }

    keyring.lock();

    assertThat(served).hasSize(2).allMatch(SecretBytes::isWiped);
    assertThat(keyring.unlocked()).isFalse();
    assertThat(keyring.latest(1)).isEmpty();
    assertThat(store.reportedStates).containsExactly(true, false);
  }

  @Test
  void createKey_whileLocked_isRefused() {
    assertThatThrownBy(() -> keyring.createKey(3))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("locked");
    assertThatThrownBy(() -> keyring.createKey(0)).isInstanceOf(AgentException.InvalidInput.class);
  }

  @Test
  void unlock_withABlobMovedToAnotherKeyId_failsAndStaysLocked() {
    WrappedVersion one = created.versions().getFirst();
    WrappedVersion moved = new WrappedVersion(2, 1, one.createdAt(), KeyState.ACTIVE, one.wrapped().orElseThrow());
    store.replace(new WrappedKeyring(created.kdf(), created.verifier(), List.of(one, moved)));

    assertThatThrownBy(() -> unlock("correct horse battery"))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("key 2 version 1 cannot be unwrapped");
    assertThat(keyring.unlocked()).isFalse();
    assertThat(keyring.keyIds()).isEmpty();
  }

  @Test
  void lock_waitsForAReaderInsideWhileHeld_soServedMaterialIsNeverWipedUnderneath() throws Exception {
    unlock("correct horse battery");
    AtomicBoolean wipedWhileReading = new AtomicBoolean();
    Thread locker = Thread.ofPlatform().unstarted(keyring::lock);

    keyring.whileHeld(() -> {
      SecretBytes material = keyring.latest(1).orElseThrow().material();
      locker.start();
      Poll.until(Duration.ofSeconds(10), "lock() waits for the reader", () -> locker.getState() == Thread.State.WAITING);
      wipedWhileReading.set(material.isWiped());
      return null;
    });
    locker.join(Duration.ofSeconds(10));

    assertThat(wipedWhileReading).isFalse();
    assertThat(locker.isAlive()).isFalse();
    assertThat(keyring.unlocked()).isFalse();
  }
}
