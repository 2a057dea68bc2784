package io.keylocker.locker.bootstrap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The locker's data directory and the files in it. Files are written to a temporary file created
 * with its final, restrictive mode, synced, then renamed into place: a private file is never
 * readable by others, not even briefly, and a crash never leaves a half-written file.
 */
public final class DataDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
  static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private final Path root;

  private DataDirectory(Path root) {
    this.root = root;
  }

  /** Opens {@code root}, creating it with mode 0700 when missing. */
  public static DataDirectory prepare(Path root) throws IOException {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
      Files.setPosixFilePermissions(absolute, DIRECTORY);
    } else if (!Files.getPosixFilePermissions(absolute).equals(DIRECTORY)) {
      LOG.warn("data directory {} is accessible to other users; expected mode 0700", absolute);
    }
    DataDirectory data = new DataDirectory(absolute);
    if (!Files.exists(data.database())) {
      // SQLite gives its -wal and -shm files the mode of the database file.
      Files.createFile(data.database(), PosixFilePermissions.asFileAttribute(PRIVATE));
    }
    return data;
  }

  public Path root() {
    return root;
  }

  public Path database() {
    return root.resolve("keylocker.db");
  }

  public Path caCertificate() {
    return root.resolve("ca.pem");
  }

  public Path caKey() {
    return root.resolve("ca-key.pem");
  }

  public Path serverIdentity() {
    return root.resolve("server.pem");
  }

  public Path adminToken() {
    return root.resolve("admin-token");
  }

  /** Atomically writes (or replaces) {@code file} with {@code content} and the given mode. */
  static void write(Path file, byte[] content, Set<PosixFilePermission> mode) throws IOException {
    Path temporary =
        Files.createTempFile(
            file.getParent(),
            "." + file.getFileName(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(PRIVATE));
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.setPosixFilePermissions(temporary, mode);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
