package io.keylocker.agent.command;

import io.keylocker.agent.control.AgentStatus;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code agent status}: the running daemon's state, as text or JSON. */
@Command(name = "status", description = "Show the running agent's state.")
final class StatusCommand extends AgentSubcommand {
  enum Format { text, json }

  @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Override
  void run() {
    AgentStatus status = agent().operations().control(stateDir).status();
    out().println(format == Format.json ? status.toJson() : text(status));
  }

  static String text(AgentStatus s) {
    String keys = s.keys().isEmpty() ? (s.unlocked() ? "none" : "not loaded (locked)")
        : s.keys().stream().map(StatusCommand::key).collect(Collectors.joining("\n             "));
    String deliveries = s.deliveries().isEmpty() ? "none"
        : s.deliveries().stream()
            .map(d -> "key " + d.keyId() + " v" + d.version() + ": " + d.deliveries())
            .collect(Collectors.joining(", "));
    return String.join("\n",
        "state:       " + (s.unlocked() ? "unlocked" : "locked") + revoked(s),
        "server:      " + s.tenant() + "/" + s.server(),
        "locker:      " + s.locker() + " (" + connection(s.lockerConnection()) + ")",
        "vault:       " + s.vaultAddress() + "/v1/" + s.vaultMount(),
        "keys:        " + keys,
        "deliveries:  " + deliveries,
        "usage:       " + usage(s.usageReporting()),
        "memory:      locking " + (s.memoryLocking() ? "available (mlock)" : "unavailable")
            + ", core dumps " + (s.coreDumpsDisabled() ? "disabled" : "not disabled"));
  }

  private static String revoked(AgentStatus s) {
    return s.revokedAt() == null ? ""
        : " (REVOKED by the locker at " + s.revokedAt() + ": keys wiped, unlock refused; re-enroll)";
  }

  /** {@code 1: active v3; v2 deactivated, v1 destroyed}. */
  private static String key(AgentStatus.KeyVersions k) {
    String others = k.versions().stream()
        .filter(v -> k.activeVersion() == null || v.version() != k.activeVersion())
        .sorted((a, b) -> Long.compare(b.version(), a.version()))
        .map(v -> "v" + v.version() + " " + v.state())
        .collect(Collectors.joining(", "));
    return k.keyId() + ": " + (k.activeVersion() == null ? "no active version" : "active v" + k.activeVersion())
        + (others.isEmpty() ? "" : "; " + others);
  }

  private static String connection(AgentStatus.LockerConnection c) {
    if (c.unreachableSince() != null) {
      return "unreachable since " + c.unreachableSince() + ": " + c.problem()
          + (c.lastContact() == null ? "" : "; last contact " + c.lastContact());
    }
    return c.lastContact() == null ? "not contacted yet" : "last contact " + c.lastContact();
  }

  private static String usage(AgentStatus.UsageReporting u) {
    if (!u.enabled()) {
      return "not reported (agent run without --db-url)";
    }
    if (u.lastAt() == null) {
      return "no report yet";
    }
    return (Boolean.TRUE.equals(u.lastSent()) ? "last report " : "last report FAILED ") + u.lastAt() + ": " + u.lastMessage();
  }
}
