package io.keylocker.agent.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.agent.error.AgentException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
  @TempDir Path temp;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void create_makesAnOwnerOnlyDirectory() throws Exception {
    StateDirectory state = StateDirectory.create(temp.resolve("a/b/agent"));

    assertThat(mode(state.root())).isEqualTo("rwx------");
  }

  @Test
  void write_givesSecretFiles0600_andCaFiles0644_andLeavesNoTemporaryFiles() throws Exception {
    StateDirectory state = StateDirectory.create(temp.resolve("agent"));

    state.write(StateFile.VAULT_TOKEN, "hvs.one".getBytes(StandardCharsets.US_ASCII));
    state.write(StateFile.VAULT_TOKEN, "hvs.two".getBytes(StandardCharsets.US_ASCII));
    state.write(StateFile.VAULT_CA, "ca".getBytes(StandardCharsets.US_ASCII));

    assertThat(mode(state.path(StateFile.VAULT_TOKEN))).isEqualTo("rw-------");
    assertThat(mode(state.path(StateFile.VAULT_CA))).isEqualTo("rw-r--r--");
    assertThat(state.read(StateFile.VAULT_TOKEN)).asString(StandardCharsets.US_ASCII).isEqualTo("hvs.two");
    try (Stream<Path> files = Files.list(state.root())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("vault-token", "vault-ca.pem");
    }
  }

  @Test
  void everySecretFileIsOwnerOnly_andOnlyCaCertificatesAreWorldReadable() {
    for (StateFile file : StateFile.values()) {
      String expected = file == StateFile.LOCKER_CA || file == StateFile.VAULT_CA ? "rw-r--r--" : "rw-------";
      assertThat(PosixFilePermissions.toString(file.permissions())).as(file.fileName()).isEqualTo(expected);
    }
  }

  @Test
  void open_refusesADirectoryOthersCanEnter_andAMissingOne() throws Exception {
    Path open = Files.createDirectory(temp.resolve("open"), PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rwxr-x---")));

    assertThatThrownBy(() -> StateDirectory.open(open))
        .isInstanceOf(AgentException.Refused.class)
        .hasMessageContaining("chmod 700");
    assertThatThrownBy(() -> StateDirectory.open(temp.resolve("missing")))
        .isInstanceOf(AgentException.NotFound.class);
  }

  @Test
  void enrollment_beforeEnrolling_isNotFound_andRoundTripsAfterwards() {
    StateDirectory state = StateDirectory.create(temp.resolve("agent"));
    assertThatThrownBy(state::enrollment)
        .isInstanceOf(AgentException.NotFound.class)
        .hasMessageContaining("keylocker agent enroll");

    Enrollment enrollment = new Enrollment(java.net.URI.create("https://locker:8443"), "acme", "db1", "ab".repeat(32));
    state.write(StateFile.AGENT_JSON, enrollment.toJson());

    assertThat(state.enrollment()).isEqualTo(enrollment);
  }
}
