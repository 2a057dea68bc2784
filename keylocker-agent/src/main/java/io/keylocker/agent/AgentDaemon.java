package io.keylocker.agent;

import io.keylocker.agent.control.AgentControl;
import io.keylocker.agent.control.ControlServer;
import io.keylocker.agent.keyring.Keyring;
import io.keylocker.agent.lifecycle.CommandLoop;
import io.keylocker.agent.lifecycle.LockerLink;
import io.keylocker.agent.lockerclient.LockerKeyringStore;
import io.keylocker.agent.revocation.Revocation;
import io.keylocker.agent.state.Enrollment;
import io.keylocker.agent.state.StateDirectory;
import io.keylocker.agent.state.StateFile;
import io.keylocker.agent.state.VaultSettings;
import io.keylocker.agent.usage.MariaDbProbe;
import io.keylocker.agent.usage.UsageMonitor;
import io.keylocker.agent.vault.DeliveryCounters;
import io.keylocker.agent.vault.VaultEdge;
import io.keylocker.crypto.CryptoSelfTest;
import io.keylocker.crypto.memory.LockedMemory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running agent (composition root): marks the process non-dumpable, runs the crypto self-test,
 * claims the control socket, starts locked, serves the Vault edge, polls the locker for commands,
 * reports the database's key usage (when configured) and answers the control socket. {@link
 * #close()} stops all of them and wipes every key.
 */
public final class AgentDaemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentDaemon.class);

  private final StateDirectory state;
  private final VaultSettings vault;
  private final AgentControl control;
  private final Deque<AutoCloseable> resources;
  private final CountDownLatch closed = new CountDownLatch(1);

  private AgentDaemon(StateDirectory state, VaultSettings vault, AgentControl control, Deque<AutoCloseable> resources) {
    this.state = state;
    this.vault = vault;
    this.control = control;
    this.resources = resources;
  }

  public static AgentDaemon start(AgentConfig config) {
    return start(config, new SecureRandom());
  }

  public static AgentDaemon start(AgentConfig config, SecureRandom random) {
    boolean coreDumpsDisabled = LockedMemory.disableCoreDumps();
    CryptoSelfTest.run();
    StateDirectory state = StateDirectory.open(config.stateDir());
    Enrollment enrollment = state.enrollment();
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      ControlServer controlServer = push(resources, ControlServer.bind(state.socket()));
      Revocation revocation = new Revocation(state, config.clock());
      LockerKeyringStore store = push(resources, LockerKeyringStore.open(state, enrollment, revocation));
      Keyring keyring = push(resources, new Keyring(enrollment, store, config.clock(), random));
      revocation.wipeWith(keyring::lock);
      DeliveryCounters deliveries = new DeliveryCounters();
      VaultEdge edge = push(resources, VaultEdge.start(state, config.vault(), keyring, deliveries, config.clock(), random));
      VaultSettings bound = config.vault().withPort(edge.port());
      state.write(StateFile.VAULT_SETTINGS, bound.toJson());
      LockerLink link = new LockerLink(config.clock());
      CommandLoop commands = push(resources, CommandLoop.start(store.commands(), keyring, link));
      Optional<UsageMonitor> usage = config.usage().map(settings -> {
        MariaDbProbe probe = push(resources, MariaDbProbe.open(settings));
        return push(resources, UsageMonitor.start(probe, store.usage(), config.clock(), settings.interval()));
      });
      DaemonControl control = new DaemonControl(new DaemonControl.Parts(
          enrollment, keyring, deliveries, bound, commands, link, usage, revocation, coreDumpsDisabled));
      controlServer.serve(control);
      resources.remove(controlServer); // closed first: no request may arrive while the rest stops
      resources.push(controlServer);
      store.reportState(false);
      LOG.info("agent for {}/{} started, locked; Vault endpoint {}", enrollment.tenant(), enrollment.server(), bound.mountUrl());
      return new AgentDaemon(state, bound, control, resources);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  private static <T extends AutoCloseable> T push(Deque<AutoCloseable> resources, T resource) {
    resources.push(resource);
    return resource;
  }

  /** Unlock, lock, status and key creation, as the control socket offers them. */
  public AgentControl control() {
    return control;
  }

  public int vaultPort() {
    return vault.port();
  }

  /** {@code https://host:port} of the Vault edge (127.0.0.1 when it listens on every address). */
  public String vaultAddress() {
    return vault.clientAddress();
  }

  /** What MariaDB's {@code hashicorp-key-management-vault-url} must be. */
  public String vaultMountUrl() {
    return vault.mountUrl();
  }

  public Path stateDir() {
    return state.root();
  }

  /** Blocks until {@link #close()} has run (for {@code agent run}). */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  /** Stops the control socket, usage reports, the command loop and the Vault edge, then wipes every key. Idempotent. */
  @Override
  public void close() {
    synchronized (resources) {
      closeAll(resources);
    }
    closed.countDown();
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LOG.warn("error while stopping the agent: {}", e.toString());
      }
    }
  }
}
