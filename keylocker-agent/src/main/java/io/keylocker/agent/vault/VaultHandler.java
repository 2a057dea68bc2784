package io.keylocker.agent.vault;

import io.keylocker.agent.keys.ServedKeys;
import io.keylocker.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The Vault edge's one Jetty handler: limits → parse → unauthenticated {@code sys/} calls → token
 * (constant-time) → sealed check → KV or {@code sys/} endpoint → one write. Never blocks on I/O, so
 * Jetty may run it on the selector thread.
 */
public final class VaultHandler extends Handler.Abstract.NonBlocking {
  public static final int MAX_TARGET_CHARS = 2048;
  public static final long MAX_BODY_BYTES = 64 * 1024;
  private static final VaultReply TARGET_TOO_LONG =
      VaultReply.of(414, VaultBodies.error("request target is longer than " + MAX_TARGET_CHARS + " characters"));
  private static final VaultReply BODY_TOO_LARGE =
      VaultReply.of(413, VaultBodies.error("request body is larger than " + MAX_BODY_BYTES + " bytes"));
  private static final VaultReply BAD_ENCODING =
      VaultReply.badRequest("the request path is not valid percent-encoded UTF-8");
  private static final String TOKEN_HEADER = "X-Vault-Token";

  private final ServedKeys keys;
  private final SecretBytes token;
  private final List<String> mount;
  private final SysEndpoints sys;
  private final KvEndpoints kv;

  /** {@code token} stays owned by the caller. */
  public VaultHandler(
      ServedKeys keys, SecretBytes token, String mount, DeliveryCounters deliveries, Clock clock, SecureRandom random) {
    this.keys = keys;
    this.token = token;
    this.mount = List.of(mount.split("/"));
    VaultBodies bodies = new VaultBodies(mount, new RequestIds(random));
    this.sys = new SysEndpoints(this.mount, bodies, clock);
    this.kv = new KvEndpoints(keys, bodies, deliveries);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    VaultReplies.send(response, callback, reply(request), "HEAD".equals(request.getMethod()));
    return true;
  }

  private VaultReply reply(Request request) {
    HttpURI uri = request.getHttpURI();
    String path = uri.getPath();
    String query = uri.getQuery();
    if (path.length() + (query == null ? 0 : query.length() + 1) > MAX_TARGET_CHARS) {
      return TARGET_TOO_LONG;
    }
    if (request.getLength() > MAX_BODY_BYTES) {
      return BODY_TOO_LARGE;
    }
    List<String> segments = VaultPath.segments(path);
    if (segments == null) {
      return BAD_ENCODING;
    }
    if (segments.isEmpty() || !"v1".equals(segments.getFirst())) {
      return VaultReply.NOT_FOUND;
    }
    List<String> rest = segments.subList(1, segments.size());
    String method = request.getMethod();
    VaultReply open = sys.unauthenticated(method, rest, !keys.unlocked());
    if (open != null) {
      return open;
    }
    if (!authorized(request)) {
      return VaultReply.PERMISSION_DENIED;
    }
    if (!keys.unlocked()) {
      return VaultReply.SEALED;
    }
    if (rest.size() >= mount.size() && rest.subList(0, mount.size()).equals(mount)) {
      return kv.handle(method, rest.subList(mount.size(), rest.size()), query, () -> Request.getRemoteAddr(request));
    }
    return sys.handle(method, rest);
  }

  private boolean authorized(Request request) {
    String presented = request.getHeaders().get(TOKEN_HEADER);
    return presented != null && token.contentEquals(presented.strip().getBytes(StandardCharsets.ISO_8859_1));
  }
}
