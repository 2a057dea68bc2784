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
        : s.keys().stream()
            .map(k -> k.keyId() + " (versions " + k.versions().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
            .collect(Collectors.joining(", "));
    String deliveries = s.deliveries().isEmpty() ? "none"
        : s.deliveries().stream()
            .map(d -> "key " + d.keyId() + " v" + d.version() + ": " + d.deliveries())
            .collect(Collectors.joining(", "));
    return String.join("\n",
        "state:       " + (s.unlocked() ? "unlocked" : "locked"),
        "server:      " + s.tenant() + "/" + s.server(),
        "locker:      " + s.locker(),
        "vault:       " + s.vaultAddress() + "/v1/" + s.vaultMount(),
        "keys:        " + keys,
        "deliveries:  " + deliveries,
        "memory:      locking " + (s.memoryLocking() ? "available (mlock)" : "unavailable")
            + ", core dumps " + (s.coreDumpsDisabled() ? "disabled" : "not disabled"));
  }
}
