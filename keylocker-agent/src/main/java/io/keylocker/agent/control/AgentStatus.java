package io.keylocker.agent.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;

/**
 * The daemon's state for {@code agent status}: lock state, identity, the link to the locker,
 * addresses, key versions with their states (none while locked), delivery counters since start,
 * usage reporting, when the locker revoked this server (null when it did not), and memory hygiene. Times are RFC 3339 strings; absent values are null.
 */
public record AgentStatus(
    boolean unlocked,
    String tenant,
    String server,
    String locker,
    LockerConnection lockerConnection,
    String vaultAddress,
    String vaultMount,
    List<KeyVersions> keys,
    List<Delivery> deliveries,
    UsageReporting usageReporting,
    String revokedAt,
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

  /**
   * When the locker last answered the command poll, and since when (and why) it has not; {@code
   * unreachableSince} is null while it answers.
   */
  public record LockerConnection(String lastContact, String unreachableSince, String problem) {}

  /** One key id: its active version (null when none) and every version with its state, ascending. */
  public record KeyVersions(long keyId, Long activeVersion, List<VersionState> versions) {
    public KeyVersions {
      versions = List.copyOf(versions);
    }
  }

  /** A version and its lifecycle state ({@code active}, {@code deactivated}, …). */
  public record VersionState(long version, String state) {}

  /** How often one key version was delivered to the database. */
  public record Delivery(long keyId, long version, long deliveries) {}

  /**
   * Usage reports to the locker: whether the database is watched at all ({@code --db-url}), and
   * the last attempt (null fields before the first one).
   */
  public record UsageReporting(boolean enabled, String lastAt, Boolean lastSent, String lastMessage) {}
}
