package io.keylocker.locker.servers;

/** A server for the admin listing, with counts of its keyring (no key material). */
public record ServerSummary(Server server, boolean keyringInitialized, int keys, int versions) {}
