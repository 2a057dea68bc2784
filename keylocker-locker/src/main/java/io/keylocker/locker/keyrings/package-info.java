/**
 * Keyrings: per server, the Argon2id parameters, the KEK verifier, the rotation policy and every
 * wrapped key version with its lifecycle state. The locker stores and serves these blobs but can
 * never open them: the KEK exists only in the unlocked agent. Owns the creation rule (once, with
 * key 1 version 1), the next-version rule, the size limits of docs/api.md, the one key lifecycle
 * state machine ({@link io.keylocker.locker.keyrings.KeyLifecycle}) with its event port, and the
 * keyring repository port with its JDBC implementation.
 */
package io.keylocker.locker.keyrings;
