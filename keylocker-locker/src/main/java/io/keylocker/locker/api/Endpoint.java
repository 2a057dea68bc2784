package io.keylocker.locker.api;

/**
 * One API operation. Throws {@link io.keylocker.locker.error.LockerException} for expected
 * failures.
 */
@FunctionalInterface
interface Endpoint {
  Reply handle(Exchange exchange);
}
