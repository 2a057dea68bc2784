package io.keylocker.locker.api;

import io.keylocker.crypto.SecretBytes;
import io.keylocker.locker.admin.AdminAuthenticator;
import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.servers.ServerName;
import io.keylocker.locker.servers.ServerRef;
import io.keylocker.locker.tenants.TenantName;
import java.nio.charset.StandardCharsets;

/** What every admin endpoint shares: the bearer-token check and the tenant/server path. */
final class AdminAccess {
  static final String TENANT = "/v1/admin/tenants/{tenant}";
  static final String SERVER = TENANT + "/servers/{server}";

  private final AdminAuthenticator authenticator;

  AdminAccess(AdminAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** {@code endpoint} behind {@code Authorization: Bearer <admin token>}. */
  Endpoint admin(Endpoint endpoint) {
    return exchange -> {
      String token =
          exchange
              .bearerToken()
              .orElseThrow(
                  () ->
                      new LockerException.Unauthenticated(
                          "admin token required (Authorization: Bearer)"));
      try (SecretBytes presented =
          SecretBytes.takeOwnership(token.getBytes(StandardCharsets.UTF_8))) {
        authenticator.authenticate(presented);
      }
      return endpoint.handle(exchange);
    };
  }

  static TenantName tenant(Exchange exchange) {
    return new TenantName(exchange.parameter("tenant"));
  }

  static ServerRef server(Exchange exchange) {
    return new ServerRef(tenant(exchange), new ServerName(exchange.parameter("server")));
  }
}
