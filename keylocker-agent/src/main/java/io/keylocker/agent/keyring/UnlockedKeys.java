package io.keylocker.agent.keyring;

import io.keylocker.agent.error.AgentException;
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
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of the unlocked keyring: the KEK and every unwrapped key version. Adding a
 * key makes a new snapshot that shares the existing secrets; {@link #wipe()} closes them all, so it
 * must be called on the last snapshot only.
 */
final class UnlockedKeys {
  private record Held(ServedKey key, String state) {}

  private final SecretBytes kek;
  private final NavigableMap<Long, NavigableMap<Long, Held>> keys;

  private UnlockedKeys(SecretBytes kek, NavigableMap<Long, NavigableMap<Long, Held>> keys) {
    this.kek = kek;
    this.keys = Collections.unmodifiableNavigableMap(keys);
  }

  /**
   * Unwraps every version under {@code kek}. On success the snapshot owns {@code kek}; on failure
   * every key unwrapped so far is wiped and {@code kek} is left to the caller.
   */
  static UnlockedKeys open(WrappedKeyring stored, SecretBytes kek, KeyWrapper wrapper, Enrollment owner) {
    NavigableMap<Long, NavigableMap<Long, Held>> keys = new TreeMap<>();
    try {
      for (WrappedVersion v : stored.versions()) {
        SecretBytes material = unwrap(wrapper, kek, v, owner);
        keys.computeIfAbsent(v.keyId(), id -> new TreeMap<>())
            .put(v.version(), new Held(new ServedKey(v.keyId(), v.version(), v.createdAt(), material), v.state()));
      }
    } catch (RuntimeException e) {
      keys.values().forEach(versions -> versions.values().forEach(h -> h.key().material().close()));
      throw e;
    }
    keys.replaceAll((id, versions) -> Collections.unmodifiableNavigableMap(versions));
    return new UnlockedKeys(kek, keys);
  }

  private static SecretBytes unwrap(KeyWrapper wrapper, SecretBytes kek, WrappedVersion v, Enrollment owner) {
    try {
      return wrapper.unwrap(kek, v.wrapped(), context(owner, v.keyId(), v.version()));
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

  /** A new snapshot that also holds {@code key} (sharing this one's secrets). */
  UnlockedKeys with(ServedKey key, String state) {
    NavigableMap<Long, NavigableMap<Long, Held>> copy = new TreeMap<>(keys);
    NavigableMap<Long, Held> versions = new TreeMap<>(copy.getOrDefault(key.keyId(), Collections.emptyNavigableMap()));
    versions.put(key.version(), new Held(key, state));
    copy.put(key.keyId(), Collections.unmodifiableNavigableMap(versions));
    return new UnlockedKeys(kek, copy);
  }

  Optional<ServedKey> latest(long keyId) {
    NavigableMap<Long, Held> versions = keys.get(keyId);
    return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue().key());
  }

  Optional<ServedKey> version(long keyId, long version) {
    NavigableMap<Long, Held> versions = keys.get(keyId);
    Held held = versions == null ? null : versions.get(version);
    return held == null ? Optional.empty() : Optional.of(held.key());
  }

  Optional<KeyHistory> history(long keyId) {
    NavigableMap<Long, Held> versions = keys.get(keyId);
    if (versions == null) {
      return Optional.empty();
    }
    List<VersionInfo> infos = new ArrayList<>(versions.size());
    versions.values().forEach(h -> infos.add(new VersionInfo(h.key().version(), h.key().createdAt(), h.state())));
    return Optional.of(new KeyHistory(keyId, List.copyOf(infos)));
  }

  List<Long> keyIds() {
    return List.copyOf(keys.keySet());
  }

  /** Closes the KEK and every key version. */
  void wipe() {
    keys.values().forEach(versions -> versions.values().forEach(h -> h.key().material().close()));
    kek.close();
  }
}
