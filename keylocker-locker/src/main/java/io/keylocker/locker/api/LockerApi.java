package io.keylocker.locker.api;

import io.keylocker.locker.admin.AdminAuthenticator;
import io.keylocker.locker.enrollment.EnrollmentService;
import io.keylocker.locker.keyrings.KeyringService;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.tenants.TenantService;
import java.security.SecureRandom;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ErrorHandler;

/** Assembles the locker's HTTP API: health, admin and agent endpoints behind one handler. */
public final class LockerApi {
  private record Health(String status) {}

  private final JsonCodec json = new JsonCodec();
  private final Router router = new Router();
  private final SecureRandom random;

  public LockerApi(
      AdminAuthenticator authenticator,
      TenantService tenants,
      ServerService servers,
      EnrollmentService enrollment,
      KeyringService keyrings,
      SecureRandom random) {
    this.random = random;
    router.add("GET", "/v1/health", exchange -> Reply.ok(new Health("ok")));
    new AdminApi(authenticator, tenants, servers, enrollment, keyrings).register(router);
    new AgentApi(servers, enrollment, keyrings).register(router);
  }

  public Handler handler() {
    return new ApiHandler(router, json, random);
  }

  /** Errors Jetty answers itself (malformed HTTP, oversized headers) in the same JSON shape. */
  public ErrorHandler errorHandler() {
    return new JsonErrorHandler(json);
  }
}
