package io.keylocker.locker.api;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers errors raised inside Jetty before our handler runs with the docs/api.md error body. The
 * message is the status's reason phrase only: nothing from the request is echoed.
 */
final class JsonErrorHandler extends ErrorHandler {
  private final JsonCodec json;

  JsonErrorHandler(JsonCodec json) {
    this.json = json;
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, body(status), callback);
  }

  private ByteBuffer body(int status) {
    ErrorCode code = ErrorCode.ofStatus(status);
    String message = "request rejected: " + HttpStatus.getMessage(status);
    return ByteBuffer.wrap(json.write(ErrorBody.of(code, message)));
  }
}
