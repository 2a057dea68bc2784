package io.keylocker.agent.vault;

import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty produces itself (headers too large, malformed requests) get Vault's shape: {@code
 * {"errors":["<reason>"]}} with {@code Content-Type: application/json} exactly. Never a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback) {
    byte[] body = VaultBodies.error(reason(code, message));
    VaultReplies.jsonHeaders(response.getHeaders(), body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private static String reason(int code, String message) {
    if (code == 431) {
      return "request headers are larger than " + VaultHttpServer.MAX_HEADER_BYTES + " bytes";
    }
    if (code == 414) {
      return "request target is too long";
    }
    return message == null || message.isBlank() ? "HTTP " + code : message;
  }
}
