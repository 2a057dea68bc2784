package io.keylocker.agent.keyring;

import io.keylocker.agent.state.Enrollment;
import io.keylocker.crypto.KdfParameters;
import io.keylocker.crypto.KekVerifier;
import io.keylocker.crypto.KeyWrapper;
import io.keylocker.crypto.PassphraseKdf;
import io.keylocker.crypto.SecretBytes;
import java.security.SecureRandom;

/**
 * Creates a new keyring ({@code agent init}): a random Argon2id salt, the KEK derived from the
 * passphrase, its verifier, and key 1 version 1 generated here and wrapped under the KEK. Only the
 * wrapped form leaves this class; the KEK and the key are wiped before it returns.
 */
public final class KeyringSetup {
  private final KeyringStore store;
  private final SecureRandom random;

  public KeyringSetup(KeyringStore store, SecureRandom random) {
    this.store = store;
    this.random = random;
  }

  /** Refused (by the store) when the server already has a keyring. */
  public void create(Enrollment owner, SecretBytes passphrase) {
    PassphrasePolicy.requireStrongEnough(passphrase);
    KdfParameters kdf = KdfParameters.recommended(random);
    KeyWrapper wrapper = new KeyWrapper(random);
    try (SecretBytes kek = PassphraseKdf.deriveKek(passphrase, kdf);
        SecretBytes firstKey = SecretBytes.random(Keyring.KEY_BYTES, random)) {
      byte[] verifier = new KekVerifier(wrapper).create(kek, owner.tenant(), owner.keyringName());
      byte[] wrapped = wrapper.wrap(kek, firstKey, UnlockedKeys.context(owner, 1, 1));
      store.create(kdf, verifier, wrapped);
    }
  }
}
