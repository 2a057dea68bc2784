package io.keylocker.agent.keyring;

import io.keylocker.agent.error.AgentException;
import io.keylocker.crypto.SecretBytes;

/** What a keyring passphrase must be: at least 12 characters (UTF-8), at most 1024 bytes. */
public final class PassphrasePolicy {
  public static final int MIN_CHARACTERS = 12;
  public static final int MAX_BYTES = 1024;

  private PassphrasePolicy() {}

  /** For new passphrases. */
  public static void requireStrongEnough(SecretBytes passphrase) {
    requireBounded(passphrase);
    int characters = passphrase.apply(PassphrasePolicy::countCharacters);
    if (characters < MIN_CHARACTERS) {
      throw new AgentException.InvalidInput(
          "the passphrase must be at least " + MIN_CHARACTERS + " characters long");
    }
  }

  /** For every passphrase (also at unlock): not empty, not over the size limit. */
  public static void requireBounded(SecretBytes passphrase) {
    if (passphrase.length() == 0) {
      throw new AgentException.InvalidInput("the passphrase is empty");
    }
    if (passphrase.length() > MAX_BYTES) {
      throw new AgentException.InvalidInput("the passphrase is longer than " + MAX_BYTES + " bytes");
    }
  }

  /** UTF-8 characters: every byte that is not a continuation byte starts one. */
  private static int countCharacters(byte[] utf8) {
    int count = 0;
    for (byte b : utf8) {
      if ((b & 0xC0) != 0x80) {
        count++;
      }
    }
    return count;
  }
}
