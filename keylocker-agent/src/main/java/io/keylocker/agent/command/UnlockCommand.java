package io.keylocker.agent.command;

import io.keylocker.crypto.SecretBytes;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agent unlock}: gives the running daemon the passphrase. */
@Command(name = "unlock", description = "Unlock the running agent with the keyring passphrase.")
final class UnlockCommand extends AgentSubcommand {
  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from the first line of FILE.")
  Path passphraseFile;

  @Override
  void run() {
    try (SecretBytes passphrase = PassphraseInput.read(passphraseFile, false)) {
      agent().operations().control(stateDir).unlock(passphrase);
    }
    out().println("unlocked: the Vault endpoint serves keys");
  }
}
