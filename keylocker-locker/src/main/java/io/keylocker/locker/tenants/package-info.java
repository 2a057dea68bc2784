/**
 * Tenants: the top of the ownership tree (a tenant owns servers, a server owns its keyring). Owns
 * the naming rule shared by tenants and servers, tenant creation and listing, and the tenant
 * repository port with its JDBC implementation.
 */
package io.keylocker.locker.tenants;
