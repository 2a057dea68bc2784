/**
 * The only place that touches cryptographic primitives. Owns {@link io.keylocker.crypto.SecretBytes}
 * (the one type secret material lives in), AEAD key wrapping bound to a {@link
 * io.keylocker.crypto.WrapContext}, the passphrase KDF (Argon2id) and the KEK verifier. Call sites
 * never choose an algorithm, a mode or a nonce.
 */
package io.keylocker.crypto;
