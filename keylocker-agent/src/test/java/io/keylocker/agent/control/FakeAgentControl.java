package io.keylocker.agent.control;

import io.keylocker.agent.error.AgentException;
import io.keylocker.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Records what the control socket asked for; accepts exactly one passphrase. */
final class FakeAgentControl implements AgentControl {
  static final String PASSPHRASE = "correct horse battery";
  volatile boolean unlocked;

  @Override
  public void unlock(SecretBytes passphrase) {
    if (!passphrase.contentEquals(PASSPHRASE.getBytes(StandardCharsets.UTF_8))) {
      throw new AgentException.AuthenticationFailed("wrong passphrase: the agent stays locked");
    }
    unlocked = true;
  }

  @Override
  public void lock() {
    unlocked = false;
  }

  @Override
  public AgentStatus status() {
    return new AgentStatus(unlocked, "acme", "db1", "https://127.0.0.1:8443",
        new AgentStatus.LockerConnection("2026-12-03T16:18:00Z", null, null), "https://127.0.0.1:8200", "mariadb",
        List.of(new AgentStatus.KeyVersions(1, 2L, List.of(
            new AgentStatus.VersionState(1, "deactivated"), new AgentStatus.VersionState(2, "active")))),
        List.of(new AgentStatus.Delivery(1, 2, 5)),
        new AgentStatus.UsageReporting(true, "2026-12-03T16:18:05Z", true, "1 encrypted tablespaces"), null, true, false);
  }

  @Override
  public CreatedKey createKey(long keyId) {
    if (keyId == 1) {
      throw new AgentException.Refused("key 1 already exists");
    }
    return new CreatedKey(keyId, 1, "2026-12-03T16:18:00Z");
  }
}
