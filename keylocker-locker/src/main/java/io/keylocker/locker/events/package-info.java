/**
 * What privileged operations leave behind until the audit trail records it durably: a bounded
 * in-memory buffer of recent events ({@link io.keylocker.locker.events.RecentEvents}) and the
 * operator-given reason every recorded action carries ({@link io.keylocker.locker.events.Reason}).
 */
package io.keylocker.locker.events;
