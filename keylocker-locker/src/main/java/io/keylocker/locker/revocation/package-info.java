/**
 * Revocation of a server (a stolen host): refuses its certificate for ever, stops its enrollment
 * tokens, records the event and wakes its waiting long polls so its agent learns it at once.
 * Re-enrollment of a revoked server goes through {@code enrollment} (a new token makes it pending).
 */
package io.keylocker.locker.revocation;
