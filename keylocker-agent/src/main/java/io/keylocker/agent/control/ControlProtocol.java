package io.keylocker.agent.control;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * The control socket's wire format. A frame is a 4-byte big-endian length and that many bytes.
 * Request: one operation byte, then its argument (unlock: the passphrase bytes; create-key: the
 * key id as 8 bytes). Response: one status byte ({@link #OK} or {@link #ERROR}) and JSON — the
 * result, or {@code {"code","message"}}. Requests are at most {@value #MAX_REQUEST} bytes,
 * responses at most {@value #MAX_RESPONSE}; a larger announced length is refused unread.
 */
final class ControlProtocol {
  static final int MAX_REQUEST = 4096;
  static final int MAX_RESPONSE = 1 << 20;
  static final byte OK = 0;
  static final byte ERROR = 1;
  static final byte UNLOCK = 1;
  static final byte LOCK = 2;
  static final byte STATUS = 3;
  static final byte CREATE_KEY = 4;

  static final JsonMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .build();

  /** The JSON of an error response. */
  record Failure(String code, String message) {}

  /** A frame whose announced length is over the limit. */
  static final class FrameTooLarge extends IOException {
    FrameTooLarge(int length, int max) {
      super("frame of " + length + " bytes is over the limit of " + max);
    }
  }

  private ControlProtocol() {}

  static byte[] read(ByteChannel channel, int max) throws IOException {
    ByteBuffer header = readFully(channel, ByteBuffer.allocate(4));
    int length = header.getInt(0);
    if (length <= 0 || length > max) {
      throw new FrameTooLarge(length, max);
    }
    return readFully(channel, ByteBuffer.allocate(length)).array();
  }

  private static ByteBuffer readFully(ByteChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new EOFException("the other side closed the control connection");
      }
    }
    return buffer;
  }

  static void write(ByteChannel channel, byte[] payload) throws IOException {
    ByteBuffer frame = ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).flip();
    try {
      while (frame.hasRemaining()) {
        channel.write(frame);
      }
    } finally {
      frame.clear();
      frame.put(new byte[frame.capacity()]);
    }
  }

  static byte[] response(byte status, Object json) {
    try {
      byte[] body = JSON.writeValueAsBytes(json);
      return ByteBuffer.allocate(1 + body.length).put(status).put(body).array();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
