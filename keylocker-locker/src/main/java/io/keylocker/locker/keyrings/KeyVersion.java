package io.keylocker.locker.keyrings;

import java.time.Instant;

/** One stored version of a key. */
public record KeyVersion(
    VersionNumber version, KeyState state, Instant createdAt, WrappedKey wrapped) {}
