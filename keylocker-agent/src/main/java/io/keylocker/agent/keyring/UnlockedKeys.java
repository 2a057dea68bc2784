package io.keylocker.agent.keyring;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keys.KeyState;
import io.keylocker.agent.keys.ServedKeys.KeyHistory;
import io.keylocker.agent.keys.ServedKeys.ServedKey;
import io.keylocker.agent.keys.ServedKeys.VersionInfo;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.crypto.CryptoException;
import io.keylocker.crypto.KeyWrapper;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.crypto.WrapContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An immutable snapshot of the unlocked keyring: the KEK, every version's state, and the unwrapped
 * key of every version that is not destroyed (destroyed versions are metadata only). A new snapshot
 * (after key creation, rotation or refresh) shares the secrets it keeps with the one it was made
 * from; {@link #wipeAbsentFrom} closes the ones it no longer holds and {@link #wipe()} closes all.
 */
final class UnlockedKeys {
  private record Held(VersionInfo info, Optional<ServedKey> key) {}

  private final SecretBytes kek;
  private final NavigableMap<Long, NavigableMap<Long, Held>> keys;

  private UnlockedKeys(SecretBytes kek, NavigableMap<Long, NavigableMap<Long, Held>> keys) {
    this.kek = kek;
    keys.replaceAll((id, versions) -> Collections.unmodifiableNavigableMap(versions));
    this.keys = Collections.unmodifiableNavigableMap(keys);
  }

  /**
   * Unwraps every version under {@code kek}. On success the snapshot owns {@code kek}; on failure
   * every key unwrapped so far is wiped and {@code kek} is left to the caller.
   */
  static UnlockedKeys open(WrappedKeyring stored, SecretBytes kek, KeyWrapper wrapper, Enrollment owner) {
    return new UnlockedKeys(kek, new TreeMap<>()).refreshed(stored, wrapper, owner);
  }

  /**
   * A snapshot holding exactly the versions of {@code stored}, with their states: keys already held
   * are shared, new ones unwrapped under this snapshot's KEK, destroyed ones kept as metadata only.
   * On failure the keys unwrapped by this call are wiped and this snapshot is unchanged.
   */
  UnlockedKeys refreshed(WrappedKeyring stored, KeyWrapper wrapper, Enrollment owner) {
    NavigableMap<Long, NavigableMap<Long, Held>> next = new TreeMap<>();
    List<SecretBytes> unwrapped = new ArrayList<>();
    try {
      for (WrappedVersion v : stored.versions()) {
        Optional<ServedKey> key = v.wrapped().map(blob -> new ServedKey(v.keyId(), v.version(), v.createdAt(),
            material(v.keyId(), v.version()).orElseGet(() -> remember(unwrapped, unwrap(wrapper, v, blob, owner)))));
        next.computeIfAbsent(v.keyId(), id -> new TreeMap<>())
            .put(v.version(), new Held(new VersionInfo(v.version(), v.createdAt(), v.state()), key));
      }
    } catch (RuntimeException e) {
      unwrapped.forEach(SecretBytes::close);
      throw e;
    }
    return new UnlockedKeys(kek, next);
  }

  private static SecretBytes remember(List<SecretBytes> unwrapped, SecretBytes material) {
    unwrapped.add(material);
    return material;
  }

  private SecretBytes unwrap(KeyWrapper wrapper, WrappedVersion v, byte[] blob, Enrollment owner) {
    try {
      return wrapper.unwrap(kek, blob, context(owner, v.keyId(), v.version()));
    } catch (CryptoException e) {
      throw new AgentException.Refused(
          "key " + v.keyId() + " version " + v.version()
              + " cannot be unwrapped: the stored keyring is corrupt or was tampered with");
    }
  }

  static WrapContext context(Enrollment owner, long keyId, long version) {
    return WrapContext.keyVersion(owner.tenant(), owner.keyringName(), String.valueOf(keyId), version);
  }

  SecretBytes kek() {
    return kek;
  }

  boolean contains(long keyId) {
    return keys.containsKey(keyId);
  }

  /**
   * A new snapshot in which {@code key} is the active version of its key id and the previously
   * active one is deactivated (as the locker does when it stores a new version).
   */
  UnlockedKeys withActive(ServedKey key) {
    NavigableMap<Long, NavigableMap<Long, Held>> copy = new TreeMap<>(keys);
    NavigableMap<Long, Held> versions = new TreeMap<>(copy.getOrDefault(key.keyId(), Collections.emptyNavigableMap()));
    versions.replaceAll((v, held) -> held.info().state() != KeyState.ACTIVE ? held
        : new Held(new VersionInfo(v, held.info().createdAt(), KeyState.DEACTIVATED), held.key()));
    versions.put(key.version(), new Held(new VersionInfo(key.version(), key.createdAt(), KeyState.ACTIVE), Optional.of(key)));
    copy.put(key.keyId(), versions);
    return new UnlockedKeys(kek, copy);
  }

  Optional<ServedKey> latest(long keyId) {
    return versions(keyId).descendingMap().values().stream()
        .filter(h -> h.info().state() == KeyState.ACTIVE)
        .flatMap(h -> h.key().stream())
        .findFirst();
  }

  Optional<ServedKey> version(long keyId, long version) {
    Held held = versions(keyId).get(version);
    return held == null || !held.info().state().servedByVersion() ? Optional.empty() : held.key();
  }

  Optional<KeyHistory> history(long keyId) {
    NavigableMap<Long, Held> versions = keys.get(keyId);
    return versions == null ? Optional.empty()
        : Optional.of(new KeyHistory(keyId, versions.values().stream().map(Held::info).toList()));
  }

  List<Long> keyIds() {
    return List.copyOf(keys.keySet());
  }

  private NavigableMap<Long, Held> versions(long keyId) {
    return keys.getOrDefault(keyId, Collections.emptyNavigableMap());
  }

  /** Closes every key of this snapshot that {@code other} does not hold (the KEK is kept). */
  void wipeAbsentFrom(UnlockedKeys other) {
    Set<SecretBytes> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    other.materials().forEach(kept::add);
    materials().filter(m -> !kept.contains(m)).forEach(SecretBytes::close);
  }

  /** Closes the KEK and every key version. */
  void wipe() {
    materials().forEach(SecretBytes::close);
    kek.close();
  }

  private Stream<SecretBytes> materials() {
    return keys.values().stream()
        .flatMap(versions -> versions.values().stream())
        .flatMap(h -> h.key().stream())
        .map(ServedKey::material);
  }

  private Optional<SecretBytes> material(long keyId, long version) {
    Held held = versions(keyId).get(version);
    return held == null ? Optional.empty() : held.key().map(ServedKey::material);
  }
}
