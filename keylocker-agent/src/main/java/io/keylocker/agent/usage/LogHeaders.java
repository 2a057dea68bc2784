package io.keylocker.agent.usage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads which key a MariaDB log file is encrypted with from its first bytes (never more than
 * {@value #MAX_READ} per file, never a key), after /work/shared/reference/db-keyring-formats.md §4
 * and checked against files MariaDB 10.11 writes:
 *
 * <ul>
 *   <li>redo log {@code ib_logfile0} (10.8+ format): bytes 0..3 are {@code "Phys"} when plain and
 *       {@code F0 9F 97 9D} when encrypted; then offset 48 holds the key id (big-endian, always 1)
 *       and offset 52 the key version (big-endian);
 *   <li>binary log: magic {@code FE 62 69 6E}, a Format_description event (type 15), and in an
 *       encrypted file directly after it a Start_encryption event (type 164): 19-byte header, then
 *       the scheme (1 byte), the key version (4 bytes little-endian) and a 12-byte nonce. Its key
 *       id is always 1.
 * </ul>
 */
public final class LogHeaders {
  static final int MAX_READ = 4096;
  private static final int REDO_PLAIN = 0x50687973; // "Phys"
  private static final int REDO_ENCRYPTED = 0xF09F979D;
  private static final int REDO_KEY_ID = 48;
  private static final int REDO_KEY_VERSION = 52;
  private static final int BINLOG_MAGIC = 0xFE62696E;
  private static final int EVENT_HEADER = 19;
  private static final int EVENT_TYPE = 4;
  private static final int EVENT_LENGTH = 9;
  private static final int FORMAT_DESCRIPTION_EVENT = 15;
  private static final int START_ENCRYPTION_EVENT = 164;
  private static final int START_ENCRYPTION_BODY = 17;
  private static final long SYSTEM_KEY_ID = 1;

  private LogHeaders() {}

  /** Reads the first bytes of {@code file} and parses them; {@code Unreadable} when it cannot. */
  public static LogEncryption read(Path file, Function<byte[], LogEncryption> parser) {
    try (InputStream in = Files.newInputStream(file)) {
      return parser.apply(in.readNBytes(MAX_READ));
    } catch (IOException | SecurityException e) {
      return new LogEncryption.Unreadable("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The header of a 10.8+ redo log ({@code ib_logfile0}). */
  public static LogEncryption redoLog(byte[] head) {
    if (head.length < REDO_KEY_VERSION + 4) {
      return new LogEncryption.Unreadable("the redo log is shorter than its header");
    }
    ByteBuffer bytes = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN);
    return switch (bytes.getInt(0)) {
      case REDO_PLAIN -> new LogEncryption.Plain();
      case REDO_ENCRYPTED -> bytes.getInt(REDO_KEY_ID) == SYSTEM_KEY_ID
          ? new LogEncryption.Encrypted(SYSTEM_KEY_ID, Integer.toUnsignedLong(bytes.getInt(REDO_KEY_VERSION)))
          : new LogEncryption.Unreadable("the redo log names an unexpected key id");
      default -> new LogEncryption.Unreadable("not a redo log of MariaDB 10.8 or later");
    };
  }

  /** The start of a binary (or relay) log file. */
  public static LogEncryption binlog(byte[] head) {
    ByteBuffer bytes = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
    if (head.length < 4 + EVENT_HEADER || ByteBuffer.wrap(head).getInt(0) != BINLOG_MAGIC
        || (head[4 + EVENT_TYPE] & 0xFF) != FORMAT_DESCRIPTION_EVENT) {
      return new LogEncryption.Unreadable("not a binary log");
    }
    long second = 4 + Integer.toUnsignedLong(bytes.getInt(4 + EVENT_LENGTH));
    if (second + EVENT_HEADER > head.length) {
      return new LogEncryption.Unreadable("the binary log ends inside its first events");
    }
    int at = (int) second;
    if ((head[at + EVENT_TYPE] & 0xFF) != START_ENCRYPTION_EVENT) {
      return new LogEncryption.Plain();
    }
    if (Integer.toUnsignedLong(bytes.getInt(at + EVENT_LENGTH)) < EVENT_HEADER + START_ENCRYPTION_BODY
        || at + EVENT_HEADER + START_ENCRYPTION_BODY > head.length) {
      return new LogEncryption.Unreadable("the binary log's Start_encryption event is truncated");
    }
    return new LogEncryption.Encrypted(SYSTEM_KEY_ID, Integer.toUnsignedLong(bytes.getInt(at + EVENT_HEADER + 1)));
  }
}
