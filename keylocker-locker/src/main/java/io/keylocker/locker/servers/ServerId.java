package io.keylocker.locker.servers;

/** The storage identity of a server; never leaves the locker. */
public record ServerId(long value) {}
