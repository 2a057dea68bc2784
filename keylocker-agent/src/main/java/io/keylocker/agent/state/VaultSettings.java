package io.keylocker.agent.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keylocker.agent.error.AgentException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the Vault edge listens and under which mount it serves keys; persisted as {@code
 * S/vault.json} by {@code agent run} so that {@code agent mariadb-config} works while the daemon is
 * down. Port 0 (any free port) is allowed for tests; the running daemon persists the bound port.
 */
public record VaultSettings(String host, int port, String mount) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8200;
  public static final String DEFAULT_MOUNT = "mariadb";
  private static final Pattern MOUNT = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]{1,253}");
  private static final JsonMapper JSON = new JsonMapper();
  /** 127.0.0.1:8200, mount {@code mariadb}. Declared after the patterns it is validated with. */
  public static final VaultSettings DEFAULTS = new VaultSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MOUNT);

  /** Validates every field; the exception names all problems at once. */
  public VaultSettings {
    List<String> problems = new ArrayList<>();
    if (host == null || !HOST.matcher(host).matches()) {
      problems.add("the Vault listen host must be a host name or an IP address");
    }
    if (port < 0 || port > 65535) {
      problems.add("the Vault listen port must be from 0 to 65535");
    }
    if (mount == null || mount.length() > 128 || !MOUNT.matcher(mount).matches() || reserved(mount)) {
      problems.add("the Vault mount must be path segments of letters, digits, '.', '_' or '-' (not sys or auth)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  private static boolean reserved(String mount) {
    String first = mount.split("/")[0];
    return first.equals("sys") || first.equals("auth");
  }

  /** Parses {@code host:port} or {@code [ipv6]:port}. */
  public static VaultSettings parse(String listen, String mount) {
    int colon = listen.lastIndexOf(':');
    if (colon <= 0 || colon == listen.length() - 1) {
      throw new IllegalArgumentException("the Vault listen address must be host:port, got '" + listen + "'");
    }
    String host = listen.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      return new VaultSettings(host, Integer.parseInt(listen.substring(colon + 1)), mount);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the Vault listen port must be a number, got '" + listen + "'");
    }
  }

  public VaultSettings withPort(int boundPort) {
    return new VaultSettings(host, boundPort, mount);
  }

  /** The address clients use: the listen host, or 127.0.0.1 when listening on every address. */
  public String clientAddress() {
    String target = isWildcard(host) ? "127.0.0.1" : host;
    return "https://" + (target.indexOf(':') >= 0 ? "[" + target + "]" : target) + ":" + port;
  }

  /** The URL MariaDB's {@code hashicorp-key-management-vault-url} needs: address + /v1/ + mount. */
  public String mountUrl() {
    return clientAddress() + "/v1/" + mount;
  }

  public static boolean isWildcard(String host) {
    try {
      return InetAddress.ofLiteral(host).isAnyLocalAddress();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public byte[] toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("host", host);
    node.put("port", port);
    node.put("mount", mount);
    return (node.toString() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  public static VaultSettings fromJson(byte[] json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.path("host").isTextual() || !node.path("port").isInt() || !node.path("mount").isTextual()) {
        throw new IllegalArgumentException("expected host, port and mount");
      }
      return new VaultSettings(node.get("host").textValue(), node.get("port").intValue(), node.get("mount").textValue());
    } catch (IOException | IllegalArgumentException e) {
      throw new AgentException.Refused("vault.json is corrupt (" + e.getMessage() + "); run keylocker agent run again");
    }
  }
}
