package io.keylocker.agent.command;

import io.keylocker.agent.state.Enrollment;
import io.keylocker.crypto.SecretBytes;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agent init}: creates the server's keyring, protected by a new passphrase. */
@Command(name = "init", description = "Create this server's keyring (key 1) under a new passphrase.")
final class InitCommand extends AgentSubcommand {
  @Option(names = "--passphrase-file", paramLabel = "FILE",
      description = "Read the passphrase from the first line of FILE instead of asking twice.")
  Path passphraseFile;

  @Override
  void run() {
    Enrollment enrollment;
    try (SecretBytes passphrase = PassphraseInput.read(passphraseFile, true)) {
      enrollment = agent().operations().init(stateDir, passphrase);
    }
    out().printf("created the keyring of %s/%s with key 1; the passphrase cannot be recovered: keep it safe%n",
        enrollment.tenant(), enrollment.server());
    out().printf("next: keylocker agent run --state-dir %s, then keylocker agent unlock --state-dir %s%n", stateDir, stateDir);
  }
}
