/**
 * Database servers of a tenant as the locker sees them: identity, enrollment state, the agent
 * certificate that authenticates them, and what their agent last reported (heartbeat). Owns the
 * server repository port and its JDBC implementation. Enrollment itself lives in {@code
 * enrollment}; keyrings in {@code keyrings}.
 */
package io.keylocker.locker.servers;
