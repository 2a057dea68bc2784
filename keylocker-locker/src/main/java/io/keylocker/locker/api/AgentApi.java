package io.keylocker.locker.api;

import io.keylocker.crypto.SecretBytes;
import io.keylocker.locker.commands.AgentCommand;
import io.keylocker.locker.commands.CommandOutcome;
import io.keylocker.locker.commands.CommandService;
import io.keylocker.locker.enrollment.EnrollmentService;
import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.KeyringService;
import io.keylocker.locker.keyrings.NewKeyring;
import io.keylocker.locker.servers.AgentState;
import io.keylocker.locker.servers.Server;
import io.keylocker.locker.servers.ServerService;
import io.keylocker.locker.usage.UsageReport;
import io.keylocker.locker.usage.UsageService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The agent endpoints. Enrollment is authenticated by the token's secret; everything else by the
 * agent's client certificate, mapped to its server on every request (401 without one, 403 when
 * not current, 403 {@code REVOKED} once its server was revoked).
 */
final class AgentApi {
  static final Duration MAX_WAIT = Duration.ofSeconds(30);
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(25);
  static final int MAX_MESSAGE_LENGTH = 1000;

  private final ServerService servers;
  private final EnrollmentService enrollment;
  private final KeyringService keyrings;
  private final CommandService commands;
  private final UsageService usage;

  /** An endpoint that runs for an authenticated agent. */
  @FunctionalInterface
  private interface AgentEndpoint {
    Reply handle(Exchange exchange, Server agent);
  }

  AgentApi(
      ServerService servers,
      EnrollmentService enrollment,
      KeyringService keyrings,
      CommandService commands,
      UsageService usage) {
    this.servers = servers;
    this.enrollment = enrollment;
    this.keyrings = keyrings;
    this.commands = commands;
    this.usage = usage;
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
        .add("POST", "/v1/agent/heartbeat", agent(this::heartbeat))
        .add("GET", "/v1/agent/commands", agent(this::pollCommands))
        .add("POST", "/v1/agent/commands/{id}/complete", agent(this::completeCommand))
        .add("POST", "/v1/agent/usage", agent(this::reportUsage));
  }

  private Endpoint agent(AgentEndpoint endpoint) {
    return exchange -> endpoint.handle(exchange, authenticate(exchange));
  }

  /** Checked on every request, never cached: a revocation refuses the very next one. */
  private Server authenticate(Exchange exchange) {
    return servers.authenticateAgent(
        exchange
            .clientCertificate()
            .orElseThrow(() -> new LockerException.Unauthenticated("client certificate required")));
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
    KeyId key = Fields.keyIdSegment(exchange.parameter("key_id"));
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

  /**
   * The long poll: blocks this request's virtual thread for at most {@link #MAX_WAIT}. A revocation
   * wakes it, so the agent is authenticated again before answering.
   */
  private Reply pollCommands(Exchange exchange, Server agent) {
    Duration wait = exchange.query("wait").map(AgentApi::waitSeconds).orElse(DEFAULT_WAIT);
    List<AgentCommand> polled = commands.poll(agent, wait);
    authenticate(exchange);
    return Reply.ok(AgentDtos.Commands.of(polled));
  }

  private Reply completeCommand(Exchange exchange, Server agent) {
    AgentDtos.CompleteCommand request = exchange.body(AgentDtos.CompleteCommand.class);
    CommandOutcome outcome = CommandOutcome.ofLabel(Fields.require(request.outcome(), "outcome"));
    String message = request.message() == null ? "" : request.message();
    if (message.length() > MAX_MESSAGE_LENGTH) {
      throw new LockerException.Invalid(
          "message must be at most " + MAX_MESSAGE_LENGTH + " characters");
    }
    commands.complete(agent, commandId(exchange.parameter("id")), outcome, message);
    return Reply.noContent();
  }

  private Reply reportUsage(Exchange exchange, Server agent) {
    UsageReport report = exchange.body(UsageDtos.Usage.class, UsageDtos.MAX_BODY_BYTES).toDomain();
    usage.record(agent, report);
    return Reply.noContent();
  }

  private static Duration waitSeconds(String value) {
    if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) > MAX_WAIT.toSeconds()) {
      throw new LockerException.Invalid(
          "wait must be a number of seconds between 0 and " + MAX_WAIT.toSeconds());
    }
    return Duration.ofSeconds(Integer.parseInt(value));
  }

  /** Anything but a UUID cannot name a command: answered like an unknown id. */
  private static UUID commandId(String segment) {
    try {
      return UUID.fromString(segment);
    } catch (IllegalArgumentException e) {
      throw new LockerException.NotFound("command not found");
    }
  }
}
