package io.keylocker.locker;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a locker runs, validated as a whole: every problem is reported at once in one {@link
 * IllegalArgumentException}. No secrets live here.
 *
 * @param dataDir the data directory {@code DATA} (created with mode 0700 when missing)
 * @param listenHost host name or IP literal to listen on; a wildcard ({@code 0.0.0.0}, {@code ::})
 *     needs at least one {@code hostnames} entry, which agents will then be told to use
 * @param port TCP port, 0 to pick a free one (tests)
 * @param hostnames extra names (DNS or IP) the server certificate must cover
 * @param clock time source for certificates, tokens and timestamps
 */
public record LockerConfig(
    Path dataDir, String listenHost, int port, List<String> hostnames, Clock clock) {
  private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern DNS_NAME =
      Pattern.compile("(?=.{1,253}$)" + LABEL + "(\\." + LABEL + ")*");
  private static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");

  public LockerConfig {
    hostnames = hostnames == null ? List.of() : List.copyOf(hostnames);
    List<String> problems = new ArrayList<>();
    if (dataDir == null) {
      problems.add("data directory is required");
    }
    if (listenHost == null || !isHost(listenHost)) {
      problems.add("listen host must be a host name or an IP address");
    }
    if (port < 0 || port > 65_535) {
      problems.add("port must be between 0 and 65535, got " + port);
    }
    hostnames.stream()
        .filter(name -> !isHost(name))
        .forEach(
            name -> problems.add("hostname '" + name + "' is not a host name or an IP address"));
    if (listenHost != null && isWildcard(listenHost) && hostnames.isEmpty()) {
      problems.add(
          "listening on a wildcard address needs --hostname so agents know where to connect");
    }
    if (clock == null) {
      problems.add("clock is required");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** A configuration with no extra hostnames and the system clock. */
  public static LockerConfig of(Path dataDir, String listenHost, int port) {
    return new LockerConfig(dataDir, listenHost, port, List.of(), Clock.systemUTC());
  }

  /**
   * The host agents are told to connect to: the listen host, or the first hostname for a wildcard.
   */
  public String advertisedHost() {
    return isWildcard(listenHost) ? hostnames.getFirst() : listenHost;
  }

  /** Names the server certificate must cover: advertised host, hostnames, then the local names. */
  public List<String> certificateNames() {
    Set<String> names = new LinkedHashSet<>();
    names.add(advertisedHost());
    names.addAll(hostnames);
    names.addAll(LOCAL_NAMES);
    return List.copyOf(names);
  }

  private static boolean isHost(String value) {
    return ipLiteral(value).isPresent()
        || (DNS_NAME.matcher(value).matches() && !value.matches("[0-9.]+"));
  }

  private static boolean isWildcard(String host) {
    return ipLiteral(host).map(InetAddress::isAnyLocalAddress).orElse(false);
  }

  private static Optional<InetAddress> ipLiteral(String value) {
    try {
      return Optional.of(InetAddress.ofLiteral(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
