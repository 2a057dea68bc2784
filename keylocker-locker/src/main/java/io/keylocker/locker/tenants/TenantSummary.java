package io.keylocker.locker.tenants;

/** A tenant with the number of servers it owns. */
public record TenantSummary(Tenant tenant, int servers) {}
