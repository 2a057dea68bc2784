package io.keylocker.agent.lockerclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.state.Enrollment;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed one-time enrollment token: {@code kle1.} + base64url (no padding) of {@code
 * {"v":1,"addr","ca","tenant","server","secret"}} (docs/api.md). Parsing is strict (size limit,
 * alphabet, exactly these fields and types, v = 1, an https address, a 32-byte secret) and error
 * messages never echo the token. {@code toString} hides the secret.
 */
public record EnrollmentToken(Enrollment target, String secret) {
  public static final String PREFIX = "kle1.";
  public static final int MAX_LENGTH = 2048;
  private static final Set<String> FIELDS = Set.of("v", "addr", "ca", "tenant", "server", "secret");
  private static final JsonMapper JSON = new JsonMapper();

  public static EnrollmentToken parse(String token) {
    String trimmed = token == null ? "" : token.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw invalid("it is longer than " + MAX_LENGTH + " characters");
    }
    if (!trimmed.startsWith(PREFIX)) {
      throw invalid("it does not start with '" + PREFIX + "'");
    }
    String payload = trimmed.substring(PREFIX.length());
    if (payload.isEmpty() || !isBase64Url(payload)) {
      throw invalid("the part after '" + PREFIX + "' is not unpadded base64url");
    }
    JsonNode node;
    try {
      node = JSON.readTree(Base64.getUrlDecoder().decode(payload));
    } catch (IOException | IllegalArgumentException e) {
      throw invalid("it does not contain JSON");
    }
    return fromJson(node);
  }

  private static EnrollmentToken fromJson(JsonNode node) {
    if (node == null || !node.isObject()
        || !FIELDS.equals(node.properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet()))) {
      throw invalid("it must have exactly the fields " + FIELDS);
    }
    if (!node.get("v").isInt() || node.get("v").intValue() != 1) {
      throw invalid("its version is not 1");
    }
    String secret = text(node, "secret");
    if (!isBase64Url(secret) || secret.length() != 43) {
      throw invalid("its secret is not 32 bytes of base64url");
    }
    try {
      Enrollment target = new Enrollment(
          new URI(text(node, "addr")), text(node, "tenant"), text(node, "server"), text(node, "ca"));
      return new EnrollmentToken(target, secret);
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw invalid(e instanceof URISyntaxException ? "its address is not a URI" : e.getMessage());
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw invalid("its field '" + field + "' is not a string");
    }
    return value.textValue();
  }

  private static boolean isBase64Url(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static AgentException invalid(String why) {
    return new AgentException.InvalidInput("the enrollment token is malformed: " + why);
  }

  @Override
  public String toString() {
    return "EnrollmentToken[" + target + ", secret=redacted]";
  }
}
