/**
 * First start and every later start of a locker in its data directory {@code DATA}: the directory
 * itself (mode 0700), the locker CA ({@code ca.pem} 0644, {@code ca-key.pem} 0600), the HTTPS
 * server identity ({@code server.pem} 0600, re-issued when a required name is missing or it is
 * about to expire) and the bootstrap admin token ({@code admin-token} 0600, only its SHA-256 in the
 * database). Nothing is ever regenerated once it exists.
 */
package io.keylocker.locker.bootstrap;
