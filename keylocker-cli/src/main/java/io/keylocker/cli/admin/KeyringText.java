package io.keylocker.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.cli.SafeText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The text views of a keyring answer (docs/api.md, {@code GET …/keyring}): the header, the compact
 * version table of {@code key list} and the lifecycle view of {@code key show}. Every value from
 * the answer goes through {@link SafeText}; absent fields are left out rather than guessed.
 */
final class KeyringText {
  /** At most this many unencrypted tables are named; the rest are counted. */
  static final int MAX_TABLES_NAMED = 20;

  private static final List<String> DATES =
      List.of("created", "activated", "deactivated", "compromised", "destroyed");

  private KeyringText() {}

  static void header(JsonNode keyring, String name, PrintWriter out) {
    JsonNode kdf = keyring.path("kdf");
    out.println("keyring " + text(keyring, "keyring") + " of " + name + ", created " + text(keyring, "created_at"));
    out.println(
        "passphrase KDF: " + text(kdf, "algorithm") + ", " + text(kdf, "memory_kib") + " KiB, "
            + text(kdf, "iterations") + " iterations, parallelism " + text(kdf, "parallelism"));
  }

  static void versionTable(JsonNode keys, PrintWriter out) {
    TextTable table = new TextTable("KEY", "VERSION", "STATE", "CREATED");
    for (JsonNode key : keys) {
      for (JsonNode version : key.path("versions")) {
        table.row(
            TextTable.cell(key, "key_id"),
            TextTable.cell(version, "version"),
            TextTable.cell(version, "state"),
            TextTable.cell(version, "created_at"));
      }
    }
    if (table.isEmpty()) {
      out.println("no keys");
    } else {
      table.print(out);
    }
  }

  /**
   * The keyring-wide part of {@code key show}: a scheduled decommission, policy, last usage report,
   * unencrypted tables.
   */
  static void lifecycle(JsonNode keyring, PrintWriter out) {
    if (keyring.path("destroy_scheduled_for").isTextual()) {
      out.println("WHOLE KEYRING scheduled for destruction at " + text(keyring, "destroy_scheduled_for")
          + " (cancel with key cancel-destroy-keyring)");
    }
    KeyringPolicy.of(keyring).ifPresent(policy -> out.println("policy: " + policy.describe()));
    if (!keyring.has("usage_reported_at")) {
      return;
    }
    if (keyring.path("usage_reported_at").isNull()) {
      out.println("usage: never reported by the agent, so every version counts as in use");
      return;
    }
    out.println("usage last reported " + text(keyring, "usage_reported_at"));
    JsonNode tables = keyring.path("unencrypted_tables");
    if (tables.isEmpty()) {
      out.println("unencrypted tables: none");
      return;
    }
    List<String> named = new ArrayList<>();
    tables.forEach(table -> named.add(SafeText.line(table.asText())));
    String shown = String.join(", ", named.subList(0, Math.min(named.size(), MAX_TABLES_NAMED)));
    String more = named.size() > MAX_TABLES_NAMED ? " and " + (named.size() - MAX_TABLES_NAMED) + " more" : "";
    out.println("unencrypted tables (" + named.size() + "): " + shown + more);
  }

  /** One key of {@code key show}: its next rotation, then each version with its dates and usage. */
  static void key(JsonNode key, PrintWriter out) {
    out.println();
    String next = key.path("next_rotation_at").isTextual() ? "next rotation " + text(key, "next_rotation_at") : "no rotation scheduled";
    out.println("key " + text(key, "key_id") + ": " + next);
    for (JsonNode version : key.path("versions")) {
      out.println("  version " + text(version, "version") + "  " + text(version, "state"));
      out.println("    " + dates(version));
      if (version.path("compromise_reason").isTextual()) {
        out.println("    compromise reason: " + text(version, "compromise_reason"));
      }
      usage(version).ifPresent(usage -> out.println("    " + usage));
      if (version.path("destroy_scheduled_for").isTextual()) {
        out.println("    destroy scheduled for " + text(version, "destroy_scheduled_for"));
      }
      if (version.path("destroy_blocked").isTextual()) {
        out.println("    destroy blocked: " + text(version, "destroy_blocked"));
      }
    }
  }

  /** The lines of a {@code rotate} answer (also part of a compromise answer when it queues one). */
  static void queuedRotations(JsonNode answer, String keyring, PrintWriter out) {
    for (JsonNode command : answer.path("commands")) {
      out.println("rotation of key " + text(command, "key_id") + " of " + keyring + " queued (command " + text(command, "id") + ")");
    }
  }

  private static String dates(JsonNode version) {
    List<String> dates = new ArrayList<>();
    for (String date : DATES) {
      if (version.path(date + "_at").isTextual()) {
        dates.add(date + " " + text(version, date + "_at"));
      }
    }
    return String.join(", ", dates);
  }

  private static Optional<String> usage(JsonNode version) {
    JsonNode tablespaces = version.path("in_use_by_tablespaces");
    if (!tablespaces.isIntegralNumber() || "destroyed".equals(version.path("state").asText())) {
      return Optional.empty();
    }
    long count = tablespaces.asLong();
    String logs = version.path("in_use_by_logs").asBoolean(false) ? "; the redo log or binary logs still need it" : "; the logs do not need it";
    return Optional.of("in use by " + count + (count == 1 ? " tablespace" : " tablespaces") + logs);
  }

  private static String text(JsonNode node, String field) {
    return SafeText.line(TextTable.cell(node, field));
  }
}
