package io.keylocker.agent.vault;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes {@link VaultReply}s: {@code Content-Type: application/json} exactly (hvac parses error
 * bodies only then), {@code Cache-Control: no-store}, an exact {@code Content-Length} (keep-alive
 * without chunking) and the body in one write. A secret body is zeroed when the write completes,
 * successfully or not.
 */
final class VaultReplies {
  static final String JSON = "application/json";
  private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, JSON);
  private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store");

  private VaultReplies() {}

  static void jsonHeaders(HttpFields.Mutable headers, int contentLength) {
    headers.put(CONTENT_TYPE);
    headers.put(NO_STORE);
    headers.put(HttpHeader.CONTENT_LENGTH, contentLength);
  }

  /** Sends {@code reply}; for HEAD only status and headers. */
  static void send(Response response, Callback callback, VaultReply reply, boolean headOnly) {
    response.setStatus(reply.status());
    jsonHeaders(response.getHeaders(), reply.length());
    if (headOnly) {
      response.write(true, null, callback);
    } else if (reply.secret()) {
      response.write(true, ByteBuffer.wrap(reply.body(), 0, reply.length()), new Wiping(callback, reply.body()));
    } else {
      response.write(true, ByteBuffer.wrap(reply.body(), 0, reply.length()), callback);
    }
  }

  /** Zeroes {@code body} before completing {@code delegate}. */
  private record Wiping(Callback delegate, byte[] body) implements Callback {
    @Override
    public void succeeded() {
      Arrays.fill(body, (byte) 0);
      delegate.succeeded();
    }

    @Override
    public void failed(Throwable x) {
      Arrays.fill(body, (byte) 0);
      delegate.failed(x);
    }

    @Override
    public InvocationType getInvocationType() {
      return delegate.getInvocationType();
    }
  }
}
