package io.keylocker.locker.api;

import io.keylocker.locker.error.LockerException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty entry point: limits the request target, routes, runs the endpoint, encodes the reply
 * and maps every failure. Expected failures become their docs/api.md error; anything else is logged
 * with a request id and answered {@code INTERNAL} without details.
 */
final class ApiHandler extends Handler.Abstract {
  static final int MAX_TARGET_LENGTH = 1024;
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final Router router;
  private final JsonCodec json;
  private final SecureRandom random;

  ApiHandler(Router router, JsonCodec json, SecureRandom random) {
    this.router = router;
    this.json = json;
    this.random = random;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    String requestId = requestId();
    String method = request.getMethod();
    String path = Request.getPathInContext(request);
    Reply reply;
    try {
      reply = dispatch(request, method, path);
    } catch (LockerException e) {
      ErrorCode code = ErrorCode.of(e);
      LOG.debug("{} {} -> {} {} (request id {})", method, path, code.status, code, requestId);
      reply = new Reply(code.status, ErrorBody.of(code, e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("{} {} failed (request id {})", method, path, requestId, e);
      reply =
          new Reply(
              ErrorCode.INTERNAL.status,
              ErrorBody.of(ErrorCode.INTERNAL, "internal error (request id " + requestId + ")"));
    }
    send(request, response, reply, requestId, callback);
    return true;
  }

  private void send(
      Request request, Response response, Reply reply, String requestId, Callback callback) {
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put("X-Request-Id", requestId);
    if (reply.status() >= 400 && request.getLength() != 0) {
      // The body may be left unread, so Jetty closes the connection after this response: say so,
      // or the client may reuse it for its next request and see the connection drop.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
    }
    if (reply.body() == null) {
      response.write(true, ByteBuffer.allocate(0), callback);
      return;
    }
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(json.write(reply.body())), callback);
  }

  private Reply dispatch(Request request, String method, String path) {
    if (request.getHttpURI().getPathQuery().length() > MAX_TARGET_LENGTH) {
      throw new LockerException.Invalid(
          "request target is longer than " + MAX_TARGET_LENGTH + " characters");
    }
    Router.Match match = router.resolve(method, path);
    return match.endpoint().handle(new Exchange(request, match.parameters(), json));
  }

  private String requestId() {
    byte[] id = new byte[8];
    random.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
