package io.keylocker.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code keylocker --version}: the version Maven recorded in the jar ({@code pom.properties} of
 * keylocker-cli, which the shaded jar keeps), or "development" when run from classes.
 */
public final class JarVersion implements IVersionProvider {
  static final String POM_PROPERTIES = "/META-INF/maven/io.keylocker/keylocker-cli/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "keylocker " + version().orElse("development"),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
    };
  }

  static Optional<String> version() {
    Optional<String> manifest = Optional.ofNullable(JarVersion.class.getPackage().getImplementationVersion());
    if (manifest.isPresent()) {
      return manifest;
    }
    try (InputStream in = JarVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties properties = new Properties();
      properties.load(in);
      return Optional.ofNullable(properties.getProperty("version")).filter(v -> !v.isBlank());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
