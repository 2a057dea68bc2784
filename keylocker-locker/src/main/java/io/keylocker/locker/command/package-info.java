/**
 * The {@code keylocker locker ...} commands (picocli). Thin: parse options into a {@link
 * io.keylocker.locker.LockerConfig}, start the {@link io.keylocker.locker.LockerServer}, report
 * failures as one {@code keylocker: ...} line with the exit codes of docs/api.md.
 */
package io.keylocker.locker.command;
