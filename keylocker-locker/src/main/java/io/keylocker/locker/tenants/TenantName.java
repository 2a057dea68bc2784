package io.keylocker.locker.tenants;

/** A tenant's unique name (see {@link NameRule}). */
public record TenantName(String value) {
  public TenantName {
    NameRule.require(value, "tenant");
  }

  @Override
  public String toString() {
    return value;
  }
}
