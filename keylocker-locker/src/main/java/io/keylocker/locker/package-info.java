/**
 * The locker deployable. {@link io.keylocker.locker.LockerServer} is the composition root: it
 * validates {@link io.keylocker.locker.LockerConfig}, runs the crypto self-test, prepares the data
 * directory, migrates the database, loads or creates the PKI and admin token, wires the services by
 * constructor and serves the HTTPS API. Features live in sub-packages.
 */
package io.keylocker.locker;
