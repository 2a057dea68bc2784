package io.keylocker.locker.tenants;

import java.time.Instant;

public record Tenant(TenantId id, TenantName name, Instant createdAt) {}
