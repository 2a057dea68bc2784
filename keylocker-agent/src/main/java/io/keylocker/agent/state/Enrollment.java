package io.keylocker.agent.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keylocker.agent.error.AgentException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Who this agent is and where its locker is: the content of {@code S/agent.json}. Validated on
 * construction: an https locker address without path, query or credentials; tenant and server
 * names as in docs/api.md; the locker CA's SHA-256 fingerprint as 64 lower-case hex digits.
 */
public record Enrollment(URI locker, String tenant, String server, String caFingerprint) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> FIELDS = Set.of("locker", "tenant", "server", "ca_fingerprint");
  private static final JsonMapper JSON = new JsonMapper();

  public Enrollment {
    requireHttpsAddress(locker);
    requireName("tenant", tenant);
    requireName("server", server);
    if (caFingerprint == null || !FINGERPRINT.matcher(caFingerprint).matches()) {
      throw new IllegalArgumentException("the CA fingerprint must be 64 lower-case hex digits");
    }
  }

  /** The wrap-context keyring name of this agent's (only) keyring. */
  public String keyringName() {
    return server + "/default";
  }

  public static void requireName(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must match [a-z0-9][a-z0-9._-]{0,62}");
    }
  }

  private static void requireHttpsAddress(URI address) {
    boolean ok =
        address != null
            && "https".equals(address.getScheme())
            && address.getHost() != null
            && address.getRawUserInfo() == null
            && (address.getRawPath() == null || address.getRawPath().isEmpty() || "/".equals(address.getRawPath()))
            && address.getRawQuery() == null
            && address.getRawFragment() == null;
    if (!ok) {
      throw new IllegalArgumentException("the locker address must be https://host[:port] without a path");
    }
  }

  public byte[] toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("locker", locker.toString());
    node.put("tenant", tenant);
    node.put("server", server);
    node.put("ca_fingerprint", caFingerprint);
    return (node.toString() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  public static Enrollment fromJson(byte[] json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject() || !FIELDS.equals(fieldNames(node))) {
        throw new IllegalArgumentException("unexpected fields");
      }
      return new Enrollment(
          URI.create(text(node, "locker")), text(node, "tenant"), text(node, "server"), text(node, "ca_fingerprint"));
    } catch (IOException | IllegalArgumentException e) {
      throw new AgentException.Refused("agent.json is corrupt (" + e.getMessage() + "); enroll again into a new state directory");
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    return node.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return value.textValue();
  }
}
