package io.keylocker.locker.servers;

import io.keylocker.locker.tenants.TenantName;

/** How callers address a server: tenant and server name. Prints as {@code tenant/server}. */
public record ServerRef(TenantName tenant, ServerName server) {
  @Override
  public String toString() {
    return tenant + "/" + server;
  }
}
