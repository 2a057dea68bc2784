package io.keylocker.locker.keyrings;

/** The storage identity of a keyring; never leaves the locker. */
public record KeyringId(long value) {}
