package io.keylocker.agent.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;

/**
 * The daemon's state for {@code agent status}: lock state, identity, addresses, served key
 * versions (none while locked), delivery counters since start, and memory hygiene.
 */
public record AgentStatus(
    boolean unlocked,
    String tenant,
    String server,
    String locker,
    String vaultAddress,
    String vaultMount,
    List<KeyVersions> keys,
    List<Delivery> deliveries,
    boolean memoryLocking,
    boolean coreDumpsDisabled) {

  public AgentStatus {
    keys = List.copyOf(keys);
    deliveries = List.copyOf(deliveries);
  }

  /** The JSON document {@code agent status --format json} prints (snake_case fields). */
  public String toJson() {
    try {
      return ControlProtocol.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("status cannot be serialised", e);
    }
  }

  /** The versions of one key id. */
  public record KeyVersions(long keyId, List<Long> versions) {
    public KeyVersions {
      versions = List.copyOf(versions);
    }
  }

  /** How often one key version was delivered to the database. */
  public record Delivery(long keyId, long version, long deliveries) {}
}
