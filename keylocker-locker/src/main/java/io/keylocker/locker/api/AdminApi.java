package io.keylocker.locker.api;

import static io.keylocker.locker.api.AdminAccess.SERVER;
import static io.keylocker.locker.api.AdminAccess.TENANT;
import static io.keylocker.locker.api.AdminAccess.server;
import static io.keylocker.locker.api.AdminAccess.tenant;

import io.keylocker.locker.enrollment.EnrollmentService;
import io.keylocker.locker.revocation.RevocationService;
import io.keylocker.locker.servers.ServerName;
import io.keylocker.locker.servers.ServerRef;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.tenants.TenantName;
import io.keylocker.locker.tenants.TenantService;

/** The admin endpoints for tenants, servers, enrollment tokens and revocation. */
final class AdminApi {
  private final AdminAccess access;
  private final TenantService tenants;
  private final ServerService servers;
  private final EnrollmentService enrollment;
  private final RevocationService revocation;

  AdminApi(AdminAccess access, LockerApi.Services services) {
    this.access = access;
    this.tenants = services.tenants();
    this.servers = services.servers();
    this.enrollment = services.enrollment();
    this.revocation = services.revocation();
  }

  void register(Router router) {
    router
        .add("POST", "/v1/admin/tenants", access.admin(this::createTenant))
        .add(
            "GET",
            "/v1/admin/tenants",
            access.admin(exchange -> Reply.ok(AdminDtos.Tenants.of(tenants.list()))))
        .add("POST", TENANT + "/servers", access.admin(this::addServer))
        .add(
            "GET",
            TENANT + "/servers",
            access.admin(
                exchange -> Reply.ok(AdminDtos.Servers.of(servers.list(tenant(exchange))))))
        .add("POST", SERVER + "/enrollment-token", access.admin(this::reissueToken))
        .add("POST", SERVER + "/revoke", access.admin(this::revoke));
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

  private Reply revoke(Exchange exchange) {
    String reason = Fields.require(exchange.body(AdminDtos.Revoke.class).reason(), "reason");
    return Reply.ok(AdminDtos.Revoked.of(revocation.revoke(server(exchange), reason)));
  }
}
