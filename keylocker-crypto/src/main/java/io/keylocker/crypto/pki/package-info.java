/**
 * X.509 and TLS material: the locker's certificate authority, agent CSRs, PEM files, certificate
 * fingerprints and TLS contexts (TLS 1.3 preferred, 1.2 allowed, nothing older).
 */
package io.keylocker.crypto.pki;
