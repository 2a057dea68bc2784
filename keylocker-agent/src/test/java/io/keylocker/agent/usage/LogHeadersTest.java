package io.keylocker.agent.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log header parsers on synthetic bytes, laid out as MariaDB 10.11 writes them. */
class LogHeadersTest {
  private static final HexFormat HEX = HexFormat.of();

  static byte[] redo(String magic, int keyId, int version) {
    return ByteBuffer.allocate(512).put(HEX.parseHex(magic)).putInt(48, keyId).putInt(52, version).array();
  }

  /** Magic, a Format_description event of 252 bytes, then an event of {@code type} with a 17-byte body. */
  static byte[] binlog(int type, int version) {
    ByteBuffer b = ByteBuffer.allocate(4 + 252 + 40).order(ByteOrder.LITTLE_ENDIAN);
    b.put(HEX.parseHex("fe62696e"));
    b.putInt(4 + 0, 0x6b11a47f).put(4 + 4, (byte) 15).putInt(4 + 5, 1).putInt(4 + 9, 252).putInt(4 + 13, 256);
    b.putInt(256, 0x6b11a47f).put(256 + 4, (byte) type).putInt(256 + 5, 1).putInt(256 + 9, 40).putInt(256 + 13, 296);
    b.put(256 + 19, (byte) 1).putInt(256 + 20, version);
    return b.array();
  }

  @Test
  void redoLog_encrypted_readsKeyOneAndTheBigEndianVersion() {
    assertThat(LogHeaders.redoLog(redo("f09f979d", 1, 0x01020304)))
        .isEqualTo(new LogEncryption.Encrypted(1, 0x01020304));
  }

  @Test
  void redoLog_plainUnknownOrShort_isPlainOrUnreadable() {
    assertThat(LogHeaders.redoLog(redo("50687973", 0, 0))).isEqualTo(new LogEncryption.Plain());
    assertThat(LogHeaders.redoLog(redo("f09f979d", 2, 1))).isInstanceOf(LogEncryption.Unreadable.class);
    assertThat(LogHeaders.redoLog(redo("00000067", 1, 1))).isInstanceOf(LogEncryption.Unreadable.class);
    assertThat(LogHeaders.redoLog(new byte[20])).isInstanceOf(LogEncryption.Unreadable.class);
  }

  @Test
  void binlog_withStartEncryptionEvent_readsTheLittleEndianVersion() {
    assertThat(LogHeaders.binlog(binlog(164, 7))).isEqualTo(new LogEncryption.Encrypted(1, 7));
  }

  @Test
  void binlog_withAnotherSecondEvent_isPlain_andGarbageOrTruncated_isUnreadable() {
    assertThat(LogHeaders.binlog(binlog(163, 0))).isEqualTo(new LogEncryption.Plain());
    assertThat(LogHeaders.binlog(new byte[300])).isInstanceOf(LogEncryption.Unreadable.class);
    byte[] truncated = Arrays.copyOf(binlog(164, 7), 256 + 25);
    assertThat(LogHeaders.binlog(truncated)).isInstanceOf(LogEncryption.Unreadable.class);
    assertThat(LogHeaders.binlog(Arrays.copyOf(binlog(164, 7), 100))).isInstanceOf(LogEncryption.Unreadable.class);
  }

  @Test
  void read_ofAMissingFile_isUnreadable(@TempDir Path temp) {
    assertThat(LogHeaders.read(temp.resolve("ib_logfile0"), LogHeaders::redoLog))
        .isInstanceOf(LogEncryption.Unreadable.class);
  }
}
