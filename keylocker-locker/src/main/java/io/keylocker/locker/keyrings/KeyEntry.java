package io.keylocker.locker.keyrings;

import java.util.List;

/** A key id with its versions, oldest first. */
public record KeyEntry(KeyId id, List<KeyVersion> versions) {
  public KeyEntry {
    versions = List.copyOf(versions);
  }
}
