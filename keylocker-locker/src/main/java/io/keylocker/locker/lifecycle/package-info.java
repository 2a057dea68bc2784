/**
 * The key lifecycle as admins and the clock drive it (docs/api.md, "Key lifecycle"): rotation on
 * request and after the cryptoperiod, compromise, scheduled and cancellable destroys that re-check
 * "in use" when they run, the keyring policy, and the keyring status view that joins versions with
 * the server's latest usage report. Builds on keyrings (the state machine), commands (telling the
 * agent) and usage (the "in use" rule).
 */
package io.keylocker.locker.lifecycle;
