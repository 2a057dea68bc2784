package io.keylocker.agent.vault;

import io.keylocker.agent.keys.KeyState;
import io.keylocker.agent.keys.ServedKeys;
import io.keylocker.crypto.SecretBytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/** In-memory keys for edge tests: versions added by hand, a switch for locked. */
final class FakeServedKeys implements ServedKeys {
  private final TreeMap<Long, TreeMap<Long, ServedKey>> keys = new TreeMap<>();
  private volatile boolean unlocked = true;

  ServedKey put(long keyId, long version, Instant createdAt, byte[] material) {
    ServedKey key = new ServedKey(keyId, version, createdAt, SecretBytes.copyOf(material));
    keys.computeIfAbsent(keyId, id -> new TreeMap<>()).put(version, key);
    return key;
  }

  void setUnlocked(boolean unlocked) {
    this.unlocked = unlocked;
  }

  @Override
  public boolean unlocked() {
    return unlocked;
  }

  @Override
  public Optional<ServedKey> latest(long keyId) {
    return !unlocked || !keys.containsKey(keyId) ? Optional.empty() : Optional.of(keys.get(keyId).lastEntry().getValue());
  }

  @Override
  public Optional<ServedKey> version(long keyId, long version) {
    return !unlocked || !keys.containsKey(keyId) ? Optional.empty() : Optional.ofNullable(keys.get(keyId).get(version));
  }

  @Override
  public Optional<KeyHistory> history(long keyId) {
    if (!unlocked || !keys.containsKey(keyId)) {
      return Optional.empty();
    }
    List<VersionInfo> versions = new ArrayList<>();
    keys.get(keyId).values().forEach(k -> versions.add(new VersionInfo(k.version(), k.createdAt(), KeyState.ACTIVE)));
    return Optional.of(new KeyHistory(keyId, versions));
  }

  @Override
  public List<Long> keyIds() {
    return unlocked ? List.copyOf(keys.keySet()) : List.of();
  }

  @Override
  public <T> T whileHeld(Supplier<T> reading) {
    return reading.get();
  }
}
