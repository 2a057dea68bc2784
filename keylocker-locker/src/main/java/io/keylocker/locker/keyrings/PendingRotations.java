package io.keylocker.locker.keyrings;

import io.keylocker.locker.servers.ServerId;
import java.time.Instant;

/**
 * Rotation requests that a newly uploaded version fulfils (the agent commands feature implements
 * it). Called inside the transaction that stores the version, so the upload and the completion of
 * the request commit together.
 */
@FunctionalInterface
public interface PendingRotations {
  void fulfil(ServerId server, KeyId key, VersionNumber version, Instant at);
}
