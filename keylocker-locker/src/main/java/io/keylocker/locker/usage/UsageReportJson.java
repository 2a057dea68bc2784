package io.keylocker.locker.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.storage.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The storage form of a {@link UsageReport}: one JSON document per server (the same field names as
 * the agent sends). Internal to storage; the API has its own DTOs.
 */
final class UsageReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private UsageReportJson() {}

  static String write(UsageReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("observed_at", report.observedAt().toString());
    ObjectNode database =
        root.putObject("database")
            .put("product", report.database().product())
            .put("version", report.database().version());
    report.database().startedAt().ifPresent(t -> database.put("started_at", t.toString()));
    ArrayNode tablespaces = root.putArray("tablespaces");
    report
        .tablespaces()
        .forEach(
            space ->
                tablespaces
                    .addObject()
                    .put("name", space.name())
                    .put("key_id", space.keyId().value())
                    .put("min_key_version", space.minKeyVersion())
                    .put("current_key_version", space.currentKeyVersion())
                    .put("rotating", space.rotating()));
    report.unencrypted().forEach(root.putArray("unencrypted")::add);
    report
        .redoLog()
        .ifPresent(log -> logKey(root.putObject("redo_log"), log.keyId(), log.keyVersion()));
    report.binlogs().ifPresent(files -> writeBinlogs(root.putArray("binlogs"), files));
    return root.toString();
  }

  static UsageReport read(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      JsonNode database = root.get("database");
      return new UsageReport(
          Instant.parse(root.get("observed_at").asText()),
          new UsageReport.Database(
              database.get("product").asText(),
              database.get("version").asText(),
              Optional.ofNullable(database.get("started_at")).map(t -> Instant.parse(t.asText()))),
          list(root.get("tablespaces"), UsageReportJson::tablespace),
          list(root.get("unencrypted"), JsonNode::asText),
          Optional.ofNullable(root.get("redo_log"))
              .map(log -> new UsageReport.LogKey(keyId(log), log.get("key_version").asLong())),
          Optional.ofNullable(root.get("binlogs"))
              .map(files -> list(files, UsageReportJson::binlog)));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new StorageException("stored usage report cannot be read", e);
    }
  }

  private static void writeBinlogs(ArrayNode array, List<UsageReport.Binlog> files) {
    files.forEach(
        file ->
            logKey(array.addObject().put("file", file.file()), file.keyId(), file.keyVersion()));
  }

  private static void logKey(ObjectNode node, KeyId key, long version) {
    node.put("key_id", key.value()).put("key_version", version);
  }

  private static UsageReport.Tablespace tablespace(JsonNode node) {
    return new UsageReport.Tablespace(
        node.get("name").asText(),
        keyId(node),
        node.get("min_key_version").asLong(),
        node.get("current_key_version").asLong(),
        node.get("rotating").asBoolean());
  }

  private static UsageReport.Binlog binlog(JsonNode node) {
    return new UsageReport.Binlog(
        node.get("file").asText(), keyId(node), node.get("key_version").asLong());
  }

  private static KeyId keyId(JsonNode node) {
    return new KeyId(node.get("key_id").asLong());
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> element) {
    List<T> values = new ArrayList<>(array.size());
    array.forEach(node -> values.add(element.apply(node)));
    return values;
  }
}
