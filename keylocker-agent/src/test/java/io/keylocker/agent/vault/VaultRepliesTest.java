package io.keylocker.agent.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.keylocker.agent.keys.ServedKeys.ServedKey;
import io.keylocker.crypto.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

class VaultRepliesTest {
  /** Captures the one write and its callback. */
  static final class RecordingResponse implements Response {
    final HttpFields.Mutable headers = HttpFields.build();
    int status;
    String written;
    Callback callback;

    @Override
    public void write(boolean last, ByteBuffer content, Callback cb) {
      written = content == null ? null : StandardCharsets.UTF_8.decode(content.duplicate()).toString();
      callback = cb;
    }

    @Override
    public Request getRequest() {
      return null;
    }

    @Override
    public int getStatus() {
      return status;
    }

    @Override
    public void setStatus(int code) {
      status = code;
    }

    @Override
    public HttpFields.Mutable getHeaders() {
      return headers;
    }

    @Override
    public Supplier<HttpFields> getTrailersSupplier() {
      return null;
    }

    @Override
    public void setTrailersSupplier(Supplier<HttpFields> trailers) {}

    @Override
    public boolean isCommitted() {
      return false;
    }

    @Override
    public boolean hasLastWrite() {
      return callback != null;
    }

    @Override
    public boolean isCompletedSuccessfully() {
      return false;
    }

    @Override
    public void reset() {}

    @Override
    public CompletableFuture<Void> writeInterim(int code, HttpFields fields) {
      return CompletableFuture.completedFuture(null);
    }
  }

  private static VaultReply secretReply() {
    try (SecretBytes material = SecretBytes.copyOf(new byte[] {(byte) 0xAB, 0x01})) {
      JsonBuffer body = new VaultBodies("mariadb", new RequestIds(new SecureRandom()))
          .secret(new ServedKey(1, 1, Instant.EPOCH, material));
      return VaultReply.secret(body);
    }
  }

  @Test
  void aSecretBody_isZeroedOnceTheWriteSucceeds() {
    VaultReply reply = secretReply();
    RecordingResponse response = new RecordingResponse();

    VaultReplies.send(response, Callback.NOOP, reply, false);

    assertThat(response.written).contains("\"data\":\"ab01\"");
    assertThat(reply.body()).isNotEqualTo(new byte[reply.body().length]);
    response.callback.succeeded();
    assertThat(reply.body()).isEqualTo(new byte[reply.body().length]);
  }

  @Test
  void aSecretBody_isZeroedWhenTheWriteFails_too() {
    VaultReply reply = secretReply();
    RecordingResponse response = new RecordingResponse();

    VaultReplies.send(response, Callback.NOOP, reply, false);
    response.callback.failed(new java.io.IOException("peer gone"));

    assertThat(reply.body()).isEqualTo(new byte[reply.body().length]);
  }

  @Test
  void everyReply_hasExactlyApplicationJson_andItsContentLength() {
    RecordingResponse response = new RecordingResponse();

    VaultReplies.send(response, Callback.NOOP, VaultReply.NOT_FOUND, false);

    assertThat(response.status).isEqualTo(404);
    assertThat(response.headers.get("Content-Type")).isEqualTo("application/json");
    assertThat(response.headers.get("Content-Length")).isEqualTo("14");
    assertThat(response.written).isEqualTo("{\"errors\":[]}\n");
  }
}
