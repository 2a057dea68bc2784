package io.keylocker.agent.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.crypto.pki.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTlsMaterialTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir Path temp;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  private static String text(StateDirectory state, StateFile file) {
    return new String(state.read(file), StandardCharsets.US_ASCII);
  }

  @Test
  void firstUse_createsACaAndALoopbackCertificate_andDiscardsTheCaKey() throws Exception {
    StateDirectory state = StateDirectory.create(temp.resolve("agent"));

    VaultTlsMaterial.loadOrCreate(state, "db1.example", Clock.systemUTC(), RANDOM);

    assertThat(mode(state.path(StateFile.VAULT_TLS))).isEqualTo("rw-------");
    assertThat(mode(state.path(StateFile.VAULT_CA))).isEqualTo("rw-r--r--");
    String tls = text(state, StateFile.VAULT_TLS);
    assertThat(tls.split("PRIVATE KEY-----\n", -1)).hasSize(3);
    List<X509Certificate> chain = Pem.certificates(tls);
    assertThat(chain).hasSize(2);
    assertThat(chain.get(1)).isEqualTo(Pem.certificate(text(state, StateFile.VAULT_CA)));
    assertThat(chain.getFirst().getSubjectAlternativeNames())
        .extracting(name -> name.get(1).toString())
        .containsExactlyInAnyOrder("127.0.0.1", "0:0:0:0:0:0:0:1", "localhost", "db1.example");
  }

  @Test
  void laterUse_keepsTheCa_untilTheListenHostIsNoLongerCovered() {
    StateDirectory state = StateDirectory.create(temp.resolve("agent"));
    VaultTlsMaterial.loadOrCreate(state, "127.0.0.1", Clock.systemUTC(), RANDOM);
    String ca = text(state, StateFile.VAULT_CA);

    VaultTlsMaterial.loadOrCreate(state, "localhost", Clock.systemUTC(), RANDOM);
    assertThat(text(state, StateFile.VAULT_CA)).isEqualTo(ca);

    VaultTlsMaterial.loadOrCreate(state, "10.1.2.3", Clock.systemUTC(), RANDOM);
    assertThat(text(state, StateFile.VAULT_CA)).isNotEqualTo(ca);
  }

  @Test
  void token_isAnHvsTokenInAnOwnerOnlyFile_keptAcrossRestarts() throws Exception {
    StateDirectory state = StateDirectory.create(temp.resolve("agent"));

    try (SecretBytes first = VaultToken.loadOrCreate(state, RANDOM);
        SecretBytes second = VaultToken.loadOrCreate(state, RANDOM)) {
      assertThat(first.contentEquals(second)).isTrue();
      assertThat(new String(first.copy(), StandardCharsets.US_ASCII)).matches("hvs\\.[A-Za-z0-9_-]{32}");
    }
    assertThat(mode(state.path(StateFile.VAULT_TOKEN))).isEqualTo("rw-------");
  }
}
