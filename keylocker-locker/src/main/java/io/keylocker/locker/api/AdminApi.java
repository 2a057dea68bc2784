package io.keylocker.locker.api;

import io.keylocker.crypto.SecretBytes;
import io.keylocker.locker.admin.AdminAuthenticator;
import io.keylocker.locker.enrollment.EnrollmentService;
import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyringService;
import io.keylocker.locker.servers.ServerName;
import io.keylocker.locker.servers.ServerRef;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.tenants.TenantName;
import io.keylocker.locker.tenants.TenantService;
import java.nio.charset.StandardCharsets;

/** The admin endpoints; every one requires {@code Authorization: Bearer <admin token>}. */
final class AdminApi {
  private static final String TENANT = "/v1/admin/tenants/{tenant}";
  private static final String SERVER = TENANT + "/servers/{server}";

  private final AdminAuthenticator authenticator;
  private final TenantService tenants;
  private final ServerService servers;
  private final EnrollmentService enrollment;
  private final KeyringService keyrings;

  AdminApi(
      AdminAuthenticator authenticator,
      TenantService tenants,
      ServerService servers,
      EnrollmentService enrollment,
      KeyringService keyrings) {
    this.authenticator = authenticator;
    this.tenants = tenants;
    this.servers = servers;
    this.enrollment = enrollment;
    this.keyrings = keyrings;
  }

  void register(Router router) {
    router
        .add("POST", "/v1/admin/tenants", admin(this::createTenant))
        .add(
            "GET",
            "/v1/admin/tenants",
            admin(exchange -> Reply.ok(AdminDtos.Tenants.of(tenants.list()))))
        .add("POST", TENANT + "/servers", admin(this::addServer))
        .add(
            "GET",
            TENANT + "/servers",
            admin(exchange -> Reply.ok(AdminDtos.Servers.of(servers.list(tenant(exchange))))))
        .add("POST", SERVER + "/enrollment-token", admin(this::reissueToken))
        .add(
            "GET",
            SERVER + "/keyring",
            admin(
                exchange ->
                    Reply.ok(AdminDtos.KeyringMetadata.of(keyrings.metadata(server(exchange))))));
  }

  private Endpoint admin(Endpoint endpoint) {
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

  private Reply createTenant(Exchange exchange) {
    AdminDtos.CreateTenant request = exchange.body(AdminDtos.CreateTenant.class);
    TenantName name = new TenantName(Fields.require(request.name(), "name"));
    return Reply.created(AdminDtos.TenantCreated.of(tenants.create(name)));
  }

  private Reply addServer(Exchange exchange) {
    AdminDtos.AddServer request = exchange.body(AdminDtos.AddServer.class);
    ServerRef ref =
        new ServerRef(tenant(exchange), new ServerName(Fields.require(request.name(), "name")));
    return Reply.created(
        AdminDtos.EnrollmentToken.of(
            enrollment.addServer(ref, AdminDtos.lifetime(request.tokenTtlSeconds()))));
  }

  private Reply reissueToken(Exchange exchange) {
    Long ttl =
        exchange
            .optionalBody(AdminDtos.ReissueToken.class)
            .map(AdminDtos.ReissueToken::tokenTtlSeconds)
            .orElse(null);
    return Reply.created(
        AdminDtos.EnrollmentToken.of(
            enrollment.reissueToken(server(exchange), AdminDtos.lifetime(ttl))));
  }

  private static TenantName tenant(Exchange exchange) {
    return new TenantName(exchange.parameter("tenant"));
  }

  private static ServerRef server(Exchange exchange) {
    return new ServerRef(tenant(exchange), new ServerName(exchange.parameter("server")));
  }
}
