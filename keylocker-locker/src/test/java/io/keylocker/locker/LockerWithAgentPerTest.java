package io.keylocker.locker;

import static io.keylocker.locker.AgentCommandsApiTest.agentWithKeyring;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that move a locker's clock or state irreversibly: a fresh locker per test, with
 * an enrolled agent of tenant acme whose keyring has keys 1 and 2.
 */
abstract class LockerWithAgentPerTest {
  @TempDir Path dataDir;
  TestLocker locker;
  TestLocker.Agent agent;

  @BeforeEach
  void startLockerWithAgent() throws IOException {
    locker = TestLocker.start(dataDir);
    agent = agentWithKeyring(locker, "acme");
  }

  @AfterEach
  void stopLocker() {
    locker.close();
  }
}
