package io.keylocker.agent.state;

import io.keylocker.agent.error.AgentException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The agent's state directory {@code S}. Guarantees: the directory is 0700; a file is written to a
 * temporary file that is 0600 from creation, fsynced, given its final mode and renamed over the
 * target, so readers see the old or the new content and a secret is never readable by others, not
 * even briefly. Does not guarantee durability of the rename itself across a power cut.
 */
public final class StateDirectory {
  private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
  private static final String SOCKET = "agent.sock";

  private final Path root;

  private StateDirectory(Path root) {
    this.root = root;
  }

  /** Creates the directory (mode 0700) if it is missing, then opens it. */
  public static StateDirectory create(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    try {
      if (root.getParent() != null) {
        Files.createDirectories(root.getParent());
      }
      Files.createDirectory(root, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
    } catch (FileAlreadyExistsException e) {
      // fine: open() checks that it is a private directory
    } catch (IOException e) {
      throw new AgentException.Refused("cannot create the state directory " + root + " (" + e + ")", e);
    }
    return open(root);
  }

  /** Opens an existing state directory, which must be a directory only its owner can enter. */
  public static StateDirectory open(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new AgentException.NotFound("no agent state directory at " + root + " (run: keylocker agent enroll)");
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(root);
      if (!DIRECTORY_MODE.containsAll(mode)) {
        throw new AgentException.Refused(
            "the state directory " + root + " must be accessible by its owner only (run: chmod 700 " + root + ")");
      }
    } catch (IOException e) {
      throw new AgentException.Refused("cannot read the state directory " + root + " (" + e + ")", e);
    }
    return new StateDirectory(root);
  }

  public Path root() {
    return root;
  }

  public Path path(StateFile file) {
    return root.resolve(file.fileName());
  }

  /** The control socket of the running daemon. */
  public Path socket() {
    return root.resolve(SOCKET);
  }

  /** Who this agent is ({@code agent.json}); {@code NotFound} before enrollment. */
  public Enrollment enrollment() {
    byte[] json = readIfPresent(StateFile.AGENT_JSON)
        .orElseThrow(() -> new AgentException.NotFound(root + " is not enrolled (run: keylocker agent enroll)"));
    return Enrollment.fromJson(json);
  }

  public boolean exists(StateFile file) {
    return Files.exists(path(file));
  }

  /** The file's content; {@link AgentException.NotFound} when it does not exist. */
  public byte[] read(StateFile file) {
    return readIfPresent(file)
        .orElseThrow(() -> new AgentException.NotFound("missing state file " + path(file)));
  }

  public Optional<byte[]> readIfPresent(StateFile file) {
    try {
      return Optional.of(Files.readAllBytes(path(file)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new AgentException.Refused("cannot read " + path(file) + " (" + e + ")", e);
    }
  }

  /** Atomically replaces {@code file} with {@code content}, with the file's mode from the start. */
  public void write(StateFile file, byte[] content) {
    Path target = path(file);
    Path temp = null;
    try {
      temp = Files.createTempFile(root, "." + file.fileName() + ".", ".tmp",
          PosixFilePermissions.asFileAttribute(StateFile.OWNER_ONLY));
      try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.WRITE))) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.setPosixFilePermissions(temp, file.permissions());
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new AgentException.Refused("cannot write " + target + " (" + e + ")", e);
    }
  }

  /** Deletes {@code file} if it exists. */
  public void delete(StateFile file) {
    try {
      Files.deleteIfExists(path(file));
    } catch (IOException e) {
      throw new AgentException.Refused("cannot delete " + path(file) + " (" + e + ")", e);
    }
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // the temporary file is 0600 inside a 0700 directory: leaving it behind leaks nothing
    }
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
