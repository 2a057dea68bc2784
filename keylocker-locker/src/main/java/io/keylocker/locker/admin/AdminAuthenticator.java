package io.keylocker.locker.admin;

import io.keylocker.crypto.SecretBytes;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.storage.Transactions;

/**
 * Checks a presented admin token. The token is hashed first and the digest is looked up, so the
 * comparison never runs over the token itself: timing can reveal at most how much of a SHA-256
 * digest matched, which says nothing about any valid token.
 */
public final class AdminAuthenticator {
  private final Transactions transactions;
  private final AdminTokenRepository tokens;

  public AdminAuthenticator(Transactions transactions, AdminTokenRepository tokens) {
    this.transactions = transactions;
    this.tokens = tokens;
  }

  /** Returns normally for a known token; otherwise {@link LockerException.Unauthenticated}. */
  public void authenticate(SecretBytes presented) {
    String digest = presented.apply(Fingerprints::sha256);
    if (!transactions.read(() -> tokens.exists(digest))) {
      throw new LockerException.Unauthenticated("admin token is invalid");
    }
  }
}
