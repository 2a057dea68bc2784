package io.keylocker.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A keyring's lifecycle policy (docs/api.md): rotate every key {@code cryptoperiodDays} after its
 * active version was activated; destroy a version {@code destroyGraceDays} after it is scheduled.
 */
public record KeyringPolicy(long cryptoperiodDays, long destroyGraceDays) {
  /** The policy in a locker answer, either the answer itself or its {@code "policy"} member. */
  static Optional<KeyringPolicy> of(JsonNode answer) {
    JsonNode policy = answer.has("policy") ? answer.path("policy") : answer;
    JsonNode cryptoperiod = policy.path("cryptoperiod_days");
    JsonNode grace = policy.path("destroy_grace_days");
    if (!cryptoperiod.isIntegralNumber() || !grace.isIntegralNumber()) {
      return Optional.empty();
    }
    return Optional.of(new KeyringPolicy(cryptoperiod.asLong(), grace.asLong()));
  }

  String describe() {
    return "cryptoperiod " + days(cryptoperiodDays) + ", destroy grace " + days(destroyGraceDays);
  }

  static String days(long days) {
    return days == 1 ? "1 day" : days + " days";
  }
}
