/**
 * Enrollment: adding a server with a one-time enrollment token, re-issuing that token, and
 * redeeming it for an agent client certificate signed by the locker's CA. Owns the token format
 * ({@code kle1.}), the token repository port and its JDBC implementation. Only SHA-256 digests of
 * enrollment secrets are stored; redeeming marks the token used and the server enrolled in one
 * transaction.
 */
package io.keylocker.locker.enrollment;
