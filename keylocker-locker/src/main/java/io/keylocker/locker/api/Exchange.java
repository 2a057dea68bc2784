package io.keylocker.locker.api;

import io.keylocker.locker.error.LockerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/** One request as endpoints see it: path parameters, a size-limited JSON body, credentials. */
final class Exchange {
  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final String BEARER = "bearer ";

  private final Request request;
  private final Map<String, String> parameters;
  private final JsonCodec json;

  Exchange(Request request, Map<String, String> parameters, JsonCodec json) {
    this.request = request;
    this.parameters = Map.copyOf(parameters);
    this.json = json;
  }

  String parameter(String name) {
    String value = parameters.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no parameter " + name);
    }
    return value;
  }

  /** The JSON body as {@code type}; 400 when absent or invalid, 413 when over 64 KiB. */
  <T> T body(Class<T> type) {
    return body(type, MAX_BODY_BYTES);
  }

  /** Like {@link #body(Class)} with another size limit, for the few larger bodies. */
  <T> T body(Class<T> type, int maxBytes) {
    byte[] body = readBody(maxBytes);
    if (body.length == 0) {
      throw new LockerException.Invalid("request body is required");
    }
    return json.read(body, type);
  }

  /** Like {@link #body} but an empty body is allowed and yields empty. */
  <T> Optional<T> optionalBody(Class<T> type) {
    byte[] body = readBody(MAX_BODY_BYTES);
    return body.length == 0 ? Optional.empty() : Optional.of(json.read(body, type));
  }

  /** The token of an {@code Authorization: Bearer} header. */
  Optional<String> bearerToken() {
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      return Optional.empty();
    }
    String token = header.substring(BEARER.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  /** The TLS client certificate (leaf), verified by the TLS layer against the locker CA. */
  Optional<X509Certificate> clientCertificate() {
    if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE)
        instanceof EndPoint.SslSessionData session) {
      X509Certificate[] chain = session.peerCertificates();
      if (chain != null && chain.length > 0) {
        return Optional.of(chain[0]);
      }
    }
    return Optional.empty();
  }

  /** The query parameter {@code name} (the first when repeated). */
  Optional<String> query(String name) {
    try {
      return Optional.ofNullable(Request.extractQueryParameters(request).getValue(name));
    } catch (RuntimeException e) {
      throw new LockerException.Invalid("query string is malformed");
    }
  }

  private byte[] readBody(int maxBytes) {
    if (request.getLength() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    try (InputStream in = Request.asInputStream(request)) {
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read request body", e);
    }
  }

  private static LockerException tooLarge(int maxBytes) {
    return new LockerException.TooLarge("request body exceeds " + maxBytes + " bytes");
  }
}
