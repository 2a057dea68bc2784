package io.keylocker.locker.keyrings;

import io.keylocker.locker.servers.ServerName;
import io.keylocker.locker.tenants.TenantName;
import java.time.Instant;

/** One lifecycle transition of a key version, as handed to {@link KeyEvents}. */
public record KeyEvent(
    TenantName tenant,
    ServerName server,
    KeyId keyId,
    VersionNumber version,
    KeyState from,
    KeyState to,
    String reason,
    Instant at) {}
