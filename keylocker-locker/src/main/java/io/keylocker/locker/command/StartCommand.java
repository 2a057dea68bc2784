package io.keylocker.locker.command;

import io.keylocker.locker.LockerConfig;
import io.keylocker.locker.LockerServer;
import io.keylocker.locker.storage.StorageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keylocker locker start}: runs the locker in the foreground until SIGTERM or SIGINT. */
@Command(
    name = "start",
    description = "Start the locker in the foreground (stop with SIGTERM or Ctrl-C).")
public final class StartCommand implements Callable<Integer> {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  @Spec private CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "./keylocker-data",
      description = "Data directory (default: ${DEFAULT-VALUE}).")
  private Path dataDir;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      defaultValue = "127.0.0.1:8443",
      description = "HTTPS address to listen on (default: ${DEFAULT-VALUE}).")
  private String listen;

  @Option(
      names = "--hostname",
      paramLabel = "NAME",
      description = "Extra DNS name or IP for the server certificate (repeatable).")
  private List<String> hostnames = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    LockerConfig config;
    try {
      ListenAddress address = ListenAddress.parse(listen);
      config =
          new LockerConfig(dataDir, address.host(), address.port(), hostnames, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      err.println("keylocker: " + e.getMessage());
      return USAGE;
    }
    LockerServer locker;
    try {
      locker = LockerServer.start(config);
    } catch (IOException e) {
      err.println("keylocker: " + e.getMessage());
      return FAILED;
    } catch (StorageException e) {
      Throwable cause = e.getCause();
      err.println(
          "keylocker: " + e.getMessage() + (cause == null ? "" : " (" + cause.getMessage() + ")"));
      return FAILED;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(locker::close, "keylocker-shutdown"));
    spec.commandLine()
        .getOut()
        .printf(
            "keylocker locker listening on %s (CA: %s, admin token: %s)%n",
            locker.address(), locker.caCertificateFile(), locker.adminTokenFile())
        .flush();
    return awaitStop(locker);
  }

  private static int awaitStop(LockerServer locker) {
    try {
      locker.join();
      return OK;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      locker.close();
      return OK;
    }
  }
}
