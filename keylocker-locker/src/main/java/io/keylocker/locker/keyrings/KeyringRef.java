package io.keylocker.locker.keyrings;

import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerId;
import io.keylocker.locker.servers.ServerRef;

/** A stored keyring with the server that owns it. */
public record KeyringRef(KeyringId id, ServerId server, ServerRef owner) {
  public static KeyringRef of(KeyringId id, Server server) {
    return new KeyringRef(id, server.id(), server.ref());
  }
}
