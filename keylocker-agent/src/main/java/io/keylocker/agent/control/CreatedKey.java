package io.keylocker.agent.control;

/** A key version just created by the daemon. */
public record CreatedKey(long keyId, long version, String createdAt) {}
