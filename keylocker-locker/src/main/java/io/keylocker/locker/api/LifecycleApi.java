package io.keylocker.locker.api;

import static io.keylocker.locker.api.AdminAccess.SERVER;
import static io.keylocker.locker.api.AdminAccess.server;

import io.keylocker.locker.error.LockerException;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyringPolicy;
import io.keylocker.locker.keyrings.VersionNumber;
import io.keylocker.locker.lifecycle.LifecycleService;
import java.time.Duration;
import java.util.Optional;

/** The admin key lifecycle endpoints: keyring view, rotate, destroy, compromise, policy. */
final class LifecycleApi {
  private static final String KEYRING = SERVER + "/keyring";
  private static final String VERSION = KEYRING + "/keys/{key_id}/versions/{version}";
  private static final long MAX_GRACE_SECONDS =
      Duration.ofDays(KeyringPolicy.MAX_GRACE_DAYS).toSeconds();

  private final AdminAccess access;
  private final LifecycleService lifecycle;

  LifecycleApi(AdminAccess access, LifecycleService lifecycle) {
    this.access = access;
    this.lifecycle = lifecycle;
  }

  void register(Router router) {
    router
        .add(
            "GET",
            KEYRING,
            access.admin(
                exchange ->
                    Reply.ok(LifecycleDtos.KeyringView.of(lifecycle.status(server(exchange))))))
        .add("POST", KEYRING + "/rotate", access.admin(this::rotate))
        .add("PUT", KEYRING + "/policy", access.admin(this::changePolicy))
        .add("POST", KEYRING + "/destroy", access.admin(this::scheduleKeyringDestroy))
        .add("DELETE", KEYRING + "/destroy", access.admin(this::cancelKeyringDestroy))
        .add("POST", VERSION + "/destroy", access.admin(this::scheduleDestroy))
        .add("DELETE", VERSION + "/destroy", access.admin(this::cancelDestroy))
        .add("POST", VERSION + "/compromise", access.admin(this::compromise));
  }

  private Reply rotate(Exchange exchange) {
    Optional<KeyId> key =
        exchange
            .optionalBody(LifecycleDtos.Rotate.class)
            .map(LifecycleDtos.Rotate::keyId)
            .map(id -> Fields.at("key_id", () -> new KeyId(id)));
    return Reply.accepted(LifecycleDtos.Commands.of(lifecycle.rotate(server(exchange), key)));
  }

  private Reply scheduleDestroy(Exchange exchange) {
    Optional<Duration> grace = requestedGrace(exchange);
    return Reply.accepted(
        new LifecycleDtos.DestroyScheduled(
            lifecycle
                .scheduleDestroy(server(exchange), key(exchange), version(exchange), grace)
                .toString()));
  }

  /** The optional {@code grace_seconds} of a destroy request. */
  private static Optional<Duration> requestedGrace(Exchange exchange) {
    return exchange
        .optionalBody(LifecycleDtos.Destroy.class)
        .map(LifecycleDtos.Destroy::graceSeconds)
        .map(LifecycleApi::grace);
  }

  private Reply scheduleKeyringDestroy(Exchange exchange) {
    return Reply.accepted(
        new LifecycleDtos.DestroyScheduled(
            lifecycle.scheduleKeyringDestroy(server(exchange), requestedGrace(exchange)).toString()));
  }

  private Reply cancelKeyringDestroy(Exchange exchange) {
    lifecycle.cancelKeyringDestroy(server(exchange));
    return Reply.noContent();
  }

  private Reply cancelDestroy(Exchange exchange) {
    lifecycle.cancelDestroy(server(exchange), key(exchange), version(exchange));
    return Reply.noContent();
  }

  private Reply compromise(Exchange exchange) {
    String reason =
        Fields.require(exchange.body(LifecycleDtos.Compromise.class).reason(), "reason");
    KeyId key = key(exchange);
    return Reply.ok(
        LifecycleDtos.Compromised.of(
            key, lifecycle.compromise(server(exchange), key, version(exchange), reason)));
  }

  private Reply changePolicy(Exchange exchange) {
    LifecycleDtos.Policy request = exchange.body(LifecycleDtos.Policy.class);
    return Reply.ok(
        LifecycleDtos.Policy.of(
            lifecycle.changePolicy(
                server(exchange),
                Optional.ofNullable(request.cryptoperiodDays()),
                Optional.ofNullable(request.destroyGraceDays()))));
  }

  private static Duration grace(long seconds) {
    if (seconds < 0 || seconds > MAX_GRACE_SECONDS) {
      throw new LockerException.Invalid("grace_seconds must be between 0 and " + MAX_GRACE_SECONDS);
    }
    return Duration.ofSeconds(seconds);
  }

  private static KeyId key(Exchange exchange) {
    return Fields.keyIdSegment(exchange.parameter("key_id"));
  }

  private static VersionNumber version(Exchange exchange) {
    return Fields.versionSegment(exchange.parameter("version"));
  }
}
