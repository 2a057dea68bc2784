package io.keylocker.locker.api;

import io.keylocker.locker.admin.AdminAuthenticator;
import io.keylocker.locker.commands.CommandService;
import io.keylocker.locker.enrollment.EnrollmentService;
import io.keylocker.locker.keyrings.KeyringService;
import io.keylocker.locker.lifecycle.LifecycleService;
import io.keylocker.locker.revocation.RevocationService;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.tenants.TenantService;
import io.keylocker.locker.usage.UsageService;
import java.security.SecureRandom;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ErrorHandler;

/** Assembles the locker's HTTP API: health, admin and agent endpoints behind one handler. */
public final class LockerApi {
  private record Health(String status) {}

  /** The services the endpoints call. */
  public record Services(
      AdminAuthenticator authenticator,
      TenantService tenants,
      ServerService servers,
      EnrollmentService enrollment,
      KeyringService keyrings,
      LifecycleService lifecycle,
      CommandService commands,
      UsageService usage,
      RevocationService revocation) {}

  private final JsonCodec json = new JsonCodec();
  private final Router router = new Router();
  private final SecureRandom random;

  public LockerApi(Services services, SecureRandom random) {
    this.random = random;
    AdminAccess access = new AdminAccess(services.authenticator());
    router.add("GET", "/v1/health", exchange -> Reply.ok(new Health("ok")));
    new AdminApi(access, services).register(router);
    new LifecycleApi(access, services.lifecycle()).register(router);
    new AgentApi(
            services.servers(),
            services.enrollment(),
            services.keyrings(),
            services.commands(),
            services.usage())
        .register(router);
  }

  public Handler handler() {
    return new ApiHandler(router, json, random);
  }

  /** Errors Jetty answers itself (malformed HTTP, oversized headers) in the same JSON shape. */
  public ErrorHandler errorHandler() {
    return new JsonErrorHandler(json);
  }
}
