package io.keylocker.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Fails a test loudly, with the command that installs what is missing. */
public final class MissingComponent {
  public static final String INSTALL_HINT =
      "run scripts/test-deps.sh as root (it installs mariadb-server, mariadb-plugin-hashicorp-key-management, "
          + "python3-hvac and wrk), or: apt-get install -y mariadb-server mariadb-plugin-hashicorp-key-management "
          + "python3-hvac wrk";

  private MissingComponent() {}

  public static Path require(Path path, String what) {
    if (!Files.exists(path)) {
      throw new IllegalStateException(what + " not found at " + path + " — " + INSTALL_HINT);
    }
    return path;
  }
}
