/**
 * The admin commands ({@code tenant}, {@code server}, {@code key}) and their one way to the
 * locker: {@link io.keylocker.cli.admin.AdminOptions} resolves where the locker is and how to
 * trust and authenticate to it, {@link io.keylocker.cli.admin.AdminClient} speaks the admin API of
 * docs/api.md over HTTPS, and {@link io.keylocker.cli.admin.LockerErrors} is the single mapping of
 * transport failures and error answers to CLI exit codes. The admin token is never printed.
 */
package io.keylocker.cli.admin;
