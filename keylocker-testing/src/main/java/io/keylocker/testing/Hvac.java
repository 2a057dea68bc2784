package io.keylocker.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code python3-hvac} as an independent Vault client. Runs {@code /usr/bin/python3}
 * (the Debian interpreter that sees Debian's dist-packages, not any other python on PATH).
 */
public final class Hvac {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final String READ_KEY =
      """
      import sys, hvac
      url, token, ca, mount, path, version = sys.argv[1:7]
      client = hvac.Client(url=url, token=token, verify=ca)
      assert client.is_authenticated(), "hvac: not authenticated"
      kw = {"path": path, "mount_point": mount}
      if version != "latest":
          kw["version"] = int(version)
      resp = client.secrets.kv.v2.read_secret_version(**kw)
      print(resp["data"]["metadata"]["version"], resp["data"]["data"]["data"])
      """;

  private Hvac() {}

  /** What hvac read: the version number and the hex key. */
  public record Read(long version, String hex) {}

  public static void requireInstalled() {
    MissingComponent.require(PYTHON, "/usr/bin/python3");
    Result check = run(new String[] {PYTHON.toString(), "-c", "import hvac"});
    if (check.exit != 0) {
      throw new IllegalStateException("python3-hvac is not installed — " + MissingComponent.INSTALL_HINT);
    }
  }

  /** Reads {@code mount/data/path} (latest or a given version) as hvac's KV v2 API does. */
  public static Read readKey(String url, String token, Path ca, String mount, String path, String version) {
    requireInstalled();
    Result result =
        run(new String[] {PYTHON.toString(), "-c", READ_KEY, url, token, ca.toString(), mount, path, version});
    if (result.exit != 0) {
      throw new IllegalStateException("hvac read failed (exit " + result.exit + "): " + result.output);
    }
    String[] parts = result.output.trim().split(" ");
    return new Read(Long.parseLong(parts[0]), parts[1]);
  }

  /** Runs an hvac one-liner script and returns exit code and output, for negative cases. */
  public static Result script(String script, String... args) {
    requireInstalled();
    String[] command = new String[args.length + 3];
    command[0] = PYTHON.toString();
    command[1] = "-c";
    command[2] = script;
    System.arraycopy(args, 0, command, 3, args.length);
    return run(command);
  }

  public record Result(int exit, String output) {}

  private static Result run(String[] command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("python3 did not finish in 60 s");
      }
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
