/**
 * The relational store: opening the database (SQLite in {@code DATA/keylocker.db} today),
 * transactions, the small JDBC helpers repositories use, and the versioned schema migrations. Knows
 * no feature: each feature package owns its repository port and its {@code Jdbc*} implementation,
 * written in SQL that SQLite and PostgreSQL both accept.
 */
package io.keylocker.locker.storage;
