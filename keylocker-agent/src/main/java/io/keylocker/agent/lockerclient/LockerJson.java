package io.keylocker.agent.lockerclient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The agent API's JSON (docs/api.md) as DTO records, snake_case on the wire. Requests never carry
 * null fields (the locker rejects unknown ones); responses tolerate fields added later.
 */
final class LockerJson {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .build();

  private LockerJson() {}

  record EnrollRequest(String secret, String csr) {}

  record EnrollResponse(String tenant, String server, String certificate, String ca, String expiresAt) {}

  record Kdf(String algorithm, Integer memoryKib, Integer iterations, Integer parallelism, String salt) {}

  record Version(Long version, String state, String createdAt, String wrapped) {}

  record Key(Long keyId, List<Version> versions) {}

  record Keyring(
      String tenant, String server, String keyring, Integer formatVersion, String createdAt, Kdf kdf,
      String verifier, List<Key> keys) {}

  record NewVersion(long version, String wrapped) {}

  record CreatedVersion(Long keyId, Long version, String state, String createdAt) {}

  record Heartbeat(String state) {}

  record Commands(List<Command> commands) {}

  record Command(String id, String kind, Long keyId, String createdAt) {}

  record Completion(String outcome, String message) {}

  /** {@code POST /v1/agent/usage}; an unknown redo log or binlog list is sent as an explicit null. */
  record Usage(
      String observedAt, UsageDatabase database, List<UsageTablespace> tablespaces, List<String> unencrypted,
      @JsonInclude(JsonInclude.Include.ALWAYS) UsageLogKey redoLog,
      @JsonInclude(JsonInclude.Include.ALWAYS) List<UsageBinlog> binlogs) {}

  record UsageDatabase(String product, String version, String startedAt) {}

  record UsageTablespace(String name, long keyId, long minKeyVersion, long currentKeyVersion, boolean rotating) {}

  record UsageLogKey(long keyId, long keyVersion) {}

  record UsageBinlog(String file, long keyId, long keyVersion) {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses {@code json}; {@link IllegalArgumentException} (without the content) when it does not fit. */
  static <T> T read(byte[] json, Class<T> type) {
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new IllegalArgumentException("empty JSON");
      }
      return value;
    } catch (IOException e) {
      throw new IllegalArgumentException("not the expected JSON (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The message of a locker error body {@code {"error":{"code","message"}}}, if it is one. */
  static Optional<String> errorMessage(byte[] body) {
    return errorField(body, "message");
  }

  /** The code of a locker error body ({@code REVOKED}, ...), if it is one. */
  static Optional<String> errorCode(byte[] body) {
    return errorField(body, "code");
  }

  private static Optional<String> errorField(byte[] body, String field) {
    try {
      JsonNode message = MAPPER.readTree(body).path("error").path(field);
      return message.isTextual() && !message.textValue().isBlank() ? Optional.of(message.textValue()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
