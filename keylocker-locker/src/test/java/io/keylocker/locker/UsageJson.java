package io.keylocker.locker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/agent/usage} bodies as an agent builds them. */
final class UsageJson {
  private UsageJson() {}

  static Map<String, Object> tablespace(long keyId, long minVersion, boolean rotating) {
    Map<String, Object> space = new LinkedHashMap<>();
    space.put("name", "shop/t" + keyId + "_" + minVersion);
    space.put("key_id", keyId);
    space.put("min_key_version", minVersion);
    space.put("current_key_version", minVersion);
    space.put("rotating", rotating);
    return space;
  }

  /** A report with these tablespaces, the redo log on key 1 version 1 and no binlogs. */
  static Map<String, Object> report(List<Map<String, Object>> tablespaces) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("observed_at", "2026-03-01T10:00:00Z");
    body.put("database", Map.of("product", "MariaDB", "version", "10.11.19-MariaDB-0+deb12u1", "started_at", "2000-01-01T00:00:00Z"));
    body.put("tablespaces", tablespaces);
    body.put("unencrypted", List.of("shop/public_info"));
    body.put("redo_log", Map.of("key_id", 1, "key_version", 1));
    body.put("binlogs", List.of());
    return body;
  }
}
