/**
 * What each database reports about the key versions it still needs (docs/api.md, "Usage reports";
 * MariaDB background in reference/db-keyring-formats.md §4.2 and §4.7): the report's limits,
 * keeping the latest report per server, and the one "in use" rule ({@link
 * io.keylocker.locker.usage.VersionUsage}) that keeps a needed version from being destroyed.
 */
package io.keylocker.locker.usage;
