package io.keylocker.agent.vault;

import java.time.Clock;
import java.util.List;

/**
 * The {@code sys/} and {@code auth/} endpoints clients call besides KV (§3.3, §4 rows 1, 12–16):
 * health, seal status and init (unauthenticated, as in Vault), mounts, tune, the UI mount lookup
 * of the {@code vault kv} CLI, and token lookup-self. All read-only.
 */
final class SysEndpoints {
  private final List<String> mount;
  private final VaultBodies bodies;
  private final Clock clock;
  private final long startedAt;

  SysEndpoints(List<String> mount, VaultBodies bodies, Clock clock) {
    this.mount = mount;
    this.bodies = bodies;
    this.clock = clock;
    this.startedAt = clock.instant().getEpochSecond();
  }

  /** Health, seal status and init, which need no token; null for every other path. */
  VaultReply unauthenticated(String method, List<String> path, boolean sealed) {
    if (path.size() != 2 || !"sys".equals(path.getFirst())) {
      return null;
    }
    return switch (path.get(1)) {
      case "health" -> "GET".equals(method) || "HEAD".equals(method)
          ? VaultReply.of(sealed ? 503 : 200, VaultBodies.health(sealed, clock.instant().getEpochSecond()))
          : VaultReply.UNSUPPORTED;
      case "seal-status" -> getOnly(method, VaultReply.ok(VaultBodies.sealStatus(sealed)));
      case "init" -> getOnly(method, VaultReply.ok(VaultBodies.initialized()));
      default -> null;
    };
  }

  /** Paths under {@code sys/} and {@code auth/} that need a token; 404 for unknown ones. */
  VaultReply handle(String method, List<String> path) {
    if (path.equals(List.of("auth", "token", "lookup-self"))) {
      return getOnly(method, VaultReply.ok(bodies.lookupSelf(startedAt)));
    }
    if (path.equals(List.of("sys", "mounts"))) {
      return getOnly(method, VaultReply.ok(bodies.mounts()));
    }
    if (path.size() > 3 && path.get(1).equals("mounts") && path.getLast().equals("tune")) {
      List<String> target = path.subList(2, path.size() - 1);
      return getOnly(method, target.equals(mount)
          ? VaultReply.ok(bodies.tune())
          : VaultReply.badRequest("no secrets engine is mounted at " + String.join("/", target) + "/"));
    }
    if (path.size() >= 5 && path.subList(0, 4).equals(List.of("sys", "internal", "ui", "mounts"))) {
      List<String> target = path.subList(4, path.size());
      boolean ours = target.size() >= mount.size() && target.subList(0, mount.size()).equals(mount);
      return getOnly(method, ours ? VaultReply.ok(bodies.uiMount()) : VaultReply.NOT_FOUND);
    }
    return VaultReply.NOT_FOUND;
  }

  private static VaultReply getOnly(String method, VaultReply reply) {
    return "GET".equals(method) ? reply : VaultReply.UNSUPPORTED;
  }
}
