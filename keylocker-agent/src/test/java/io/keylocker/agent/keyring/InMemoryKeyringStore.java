package io.keylocker.agent.keyring;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keys.KeyState;
import io.keylocker.crypto.KdfParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A keyring store in memory that records state reports; a new version deactivates the active one. */
final class InMemoryKeyringStore implements KeyringStore {
  private static final Instant CREATED = Instant.parse("2026-12-03T16:18:00Z");

  private WrappedKeyring keyring;
  final List<Boolean> reportedStates = new ArrayList<>();
  int loads;

  @Override
  public synchronized WrappedKeyring load() {
    loads++;
    if (keyring == null) {
      throw new AgentException.NotFound("keyring not initialized");
    }
    return keyring;
  }

  @Override
  public synchronized WrappedKeyring refresh() {
    return load();
  }

  @Override
  public synchronized void create(KdfParameters kdf, byte[] verifier, byte[] firstKeyWrapped) {
    if (keyring != null) {
      throw new AgentException.Refused("keyring exists");
    }
    keyring = new WrappedKeyring(kdf, verifier, List.of(new WrappedVersion(1, 1, CREATED, KeyState.ACTIVE, firstKeyWrapped)));
  }

  @Override
  public synchronized Instant addVersion(long keyId, long version, byte[] wrapped) {
    List<WrappedVersion> versions = new ArrayList<>(keyring.versions());
    if (versions.stream().anyMatch(v -> v.keyId() == keyId && v.version() == version)) {
      throw new AgentException.Refused("version exists");
    }
    Instant created = Instant.now();
    versions.replaceAll(v -> v.keyId() != keyId || v.state() != KeyState.ACTIVE ? v
        : new WrappedVersion(keyId, v.version(), v.createdAt(), KeyState.DEACTIVATED, v.wrapped().orElseThrow()));
    versions.add(new WrappedVersion(keyId, version, created, KeyState.ACTIVE, wrapped));
    keyring = new WrappedKeyring(keyring.kdf(), keyring.verifier(), versions);
    return created;
  }

  @Override
  public synchronized void reportState(boolean unlocked) {
    reportedStates.add(unlocked);
  }

  synchronized WrappedKeyring stored() {
    return keyring;
  }

  synchronized void replace(WrappedKeyring replacement) {
    keyring = replacement;
  }
}
