package io.keylocker.locker;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the API tests: one real locker (HTTPS, SQLite in a temporary data directory) started
 * before the class's tests and stopped after them. Test classes run one after another, so the
 * static field always holds the running class's locker.
 */
abstract class LockerPerClass {
  @TempDir static Path dataDir;
  static TestLocker locker;

  @BeforeAll
  static void startLocker() throws IOException {
    locker = TestLocker.start(dataDir);
  }

  @AfterAll
  static void stopLocker() {
    locker.close();
  }
}
