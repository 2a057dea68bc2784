package io.keylocker.locker.keyrings;

import java.util.List;
import java.util.Optional;

/** A key id with its versions, oldest first. */
public record KeyEntry(KeyId id, List<KeyVersion> versions) {
  public KeyEntry {
    versions = List.copyOf(versions);
  }

  /** The one active version, if the key has one. */
  public Optional<KeyVersion> active() {
    return versions.stream().filter(version -> version.state() == KeyState.ACTIVE).findFirst();
  }
}
