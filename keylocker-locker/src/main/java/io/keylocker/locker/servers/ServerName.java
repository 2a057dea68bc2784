package io.keylocker.locker.servers;

import io.keylocker.locker.tenants.NameRule;

/** A server's name, unique within its tenant (see {@link NameRule}). */
public record ServerName(String value) {
  public ServerName {
    NameRule.require(value, "server");
  }

  @Override
  public String toString() {
    return value;
  }
}
