/**
 * Admin authentication: bearer tokens of the admin API, stored only as SHA-256 digests. Owns the
 * admin token repository port and its JDBC implementation; the bootstrap token is created by {@code
 * bootstrap}.
 */
package io.keylocker.locker.admin;
