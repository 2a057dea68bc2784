package io.keylocker.locker.api;

import io.keylocker.crypto.SecretBytes;
import io.keylocker.locker.enrollment.EnrollmentService;
import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.KeyringService;
import io.keylocker.locker.keyrings.NewKeyring;
import io.keylocker.locker.servers.AgentState;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerService;
import java.nio.charset.StandardCharsets;

/**
 * The agent endpoints. Enrollment is authenticated by the token's secret; everything else by the
 * agent's client certificate, mapped to its server (401 without one, 403 when not current).
 */
final class AgentApi {
  private final ServerService servers;
  private final EnrollmentService enrollment;
  private final KeyringService keyrings;

  /** An endpoint that runs for an authenticated agent. */
  @FunctionalInterface
  private interface AgentEndpoint {
    Reply handle(Exchange exchange, Server agent);
  }

  AgentApi(ServerService servers, EnrollmentService enrollment, KeyringService keyrings) {
    this.servers = servers;
    this.enrollment = enrollment;
    this.keyrings = keyrings;
  }

  void register(Router router) {
    router
        .add("POST", "/v1/agent/enroll", this::enroll)
        .add(
            "GET",
            "/v1/agent/keyring",
            agent((exchange, server) -> Reply.ok(AgentDtos.KeyringBody.of(keyrings.get(server)))))
        .add("PUT", "/v1/agent/keyring", agent(this::createKeyring))
        .add("POST", "/v1/agent/keyring/keys/{key_id}/versions", agent(this::addVersion))
        .add("POST", "/v1/agent/heartbeat", agent(this::heartbeat));
  }

  private Endpoint agent(AgentEndpoint endpoint) {
    return exchange -> {
      Server agent =
          servers.authenticateAgent(
              exchange
                  .clientCertificate()
                  .orElseThrow(
                      () -> new LockerException.Unauthenticated("client certificate required")));
      return endpoint.handle(exchange, agent);
    };
  }

  private Reply enroll(Exchange exchange) {
    AgentDtos.Enroll request = exchange.body(AgentDtos.Enroll.class);
    String secret = Fields.require(request.secret(), "secret");
    String csr = Fields.require(request.csr(), "csr");
    try (SecretBytes presented =
        SecretBytes.takeOwnership(secret.getBytes(StandardCharsets.UTF_8))) {
      return Reply.created(AgentDtos.Enrolled.of(enrollment.enroll(presented, csr)));
    }
  }

  private Reply createKeyring(Exchange exchange, Server agent) {
    NewKeyring keyring = exchange.body(AgentDtos.KeyringUpload.class).toDomain();
    return Reply.created(AgentDtos.KeyringBody.of(keyrings.create(agent, keyring)));
  }

  private Reply addVersion(Exchange exchange, Server agent) {
    KeyId key = keyId(exchange.parameter("key_id"));
    NewKeyring.NewVersion version = exchange.body(AgentDtos.VersionUpload.class).toDomain("");
    KeyVersion added = keyrings.addVersion(agent, key, version.version(), version.wrapped());
    return Reply.created(AgentDtos.VersionAdded.of(key, added));
  }

  private Reply heartbeat(Exchange exchange, Server agent) {
    AgentState state =
        AgentState.ofLabel(
            Fields.require(exchange.body(AgentDtos.Heartbeat.class).state(), "state"));
    return Reply.ok(new AgentDtos.HeartbeatReply(servers.heartbeat(agent, state).toString()));
  }

  private static KeyId keyId(String segment) {
    try {
      return new KeyId(Long.parseLong(segment));
    } catch (NumberFormatException | LockerException.Invalid e) {
      throw new LockerException.Invalid(
          "key_id in the path must be a number between 1 and " + KeyId.MAX);
    }
  }
}
