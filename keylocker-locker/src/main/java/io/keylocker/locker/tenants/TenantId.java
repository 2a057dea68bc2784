package io.keylocker.locker.tenants;

/** The storage identity of a tenant; never leaves the locker. */
public record TenantId(long value) {}
