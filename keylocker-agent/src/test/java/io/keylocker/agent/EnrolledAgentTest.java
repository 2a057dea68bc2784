package io.keylocker.agent;

import io.keylocker.agent.control.ControlClient;
import io.keylocker.agent.lockerclient.FakeLocker;
import io.keylocker.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the daemon tests: before each test, a fresh fake locker and a state directory that is
 * enrolled with it and initialised under {@link #PASSPHRASE}; helpers to start the daemon on a free
 * port and to reach its control socket.
 */
abstract class EnrolledAgentTest {
  static final String PASSPHRASE = "correct horse battery staple";

  @TempDir Path temp;
  FakeLocker locker;
  Path stateDir;
  final AgentOperations operations = new AgentOperations(new SecureRandom());

  @BeforeEach
  void enrollAndInit() throws Exception {
    locker = new FakeLocker();
    stateDir = temp.resolve("agent");
    operations.enroll(stateDir, locker.token());
    try (SecretBytes passphrase = secret(PASSPHRASE)) {
      operations.init(stateDir, passphrase);
    }
  }

  @AfterEach
  void stopLocker() throws Exception {
    locker.close();
  }

  static SecretBytes secret(String text) {
    return SecretBytes.copyOf(text.getBytes(StandardCharsets.UTF_8));
  }

  AgentDaemon start() {
    return AgentDaemon.start(new AgentConfig(stateDir, "127.0.0.1", 0, "mariadb", Optional.empty(), Clock.systemUTC()));
  }

  ControlClient control() {
    return operations.control(stateDir);
  }
}
