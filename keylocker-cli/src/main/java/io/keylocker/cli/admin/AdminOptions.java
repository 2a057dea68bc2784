package io.keylocker.cli.admin;

import io.keylocker.cli.CliContext;
import io.keylocker.cli.CliException;
import io.keylocker.cli.ExitStatus;
import io.keylocker.cli.SafeText;
import io.keylocker.crypto.pki.Pem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every admin command shares: where the locker is ({@code --addr}), which CA to trust
 * ({@code --cacert}), the admin token ({@code --token}, {@code --token-file}) and {@code --format}.
 * Each falls back to an environment variable and then, so that a quickstart on the locker's own
 * host needs no options, to the file the locker wrote in {@code ./keylocker-data/}.
 */
public final class AdminOptions {
  public static final String DEFAULT_ADDRESS = "https://127.0.0.1:8443";
  static final String ADDRESS_VARIABLE = "KEYLOCKER_ADDR";
  static final String TOKEN_VARIABLE = "KEYLOCKER_TOKEN";
  static final String CA_VARIABLE = "KEYLOCKER_CACERT";
  static final Path DEFAULT_CA = Path.of("keylocker-data", "ca.pem");
  static final Path DEFAULT_TOKEN = Path.of("keylocker-data", "admin-token");
  private static final long MAX_FILE_BYTES = 64 * 1024;

  @Option(
      names = "--addr",
      paramLabel = "URL",
      description = {"Locker address (env KEYLOCKER_ADDR),", "default " + DEFAULT_ADDRESS + "."})
  private String address;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "Admin token (env KEYLOCKER_TOKEN). Prefer --token-file: arguments show in ps.")
  private String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "File holding the admin token (default: keylocker-data/admin-token if it exists).")
  private Path tokenFile;

  @Option(
      names = "--cacert",
      paramLabel = "FILE",
      description = "PEM file of the locker's CA (env KEYLOCKER_CACERT; default: keylocker-data/ca.pem if it exists).")
  private Path caCertificate;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = OutputFormat.Converter.class,
      description = "Output format: text or json (default: text).")
  private OutputFormat format = OutputFormat.TEXT;

  public OutputFormat format() {
    return format;
  }

  /** Validates the options together with the environment; every problem is a usage error. */
  public AdminConnection resolve(CliContext context) {
    return new AdminConnection(address(context), caCertificate(context), token(context));
  }

  private URI address(CliContext context) {
    String source = address != null ? "--addr" : ADDRESS_VARIABLE;
    String value = Optional.ofNullable(address).or(() -> context.variable(ADDRESS_VARIABLE)).orElse(DEFAULT_ADDRESS);
    return parseAddress(value, source);
  }

  static URI parseAddress(String value, String source) {
    String problem = source + " must be an https:// URL such as " + DEFAULT_ADDRESS + ", not '" + SafeText.line(value) + "'";
    try {
      URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
      boolean plain =
          "https".equalsIgnoreCase(uri.getScheme())
              && uri.getHost() != null
              && uri.getRawUserInfo() == null
              && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
              && uri.getRawQuery() == null
              && uri.getRawFragment() == null;
      if (!plain) {
        throw new CliException(ExitStatus.USAGE, problem);
      }
      return new URI("https", null, uri.getHost(), uri.getPort() == -1 ? 443 : uri.getPort(), null, null, null);
    } catch (URISyntaxException e) {
      throw new CliException(ExitStatus.USAGE, problem);
    }
  }

  private X509Certificate caCertificate(CliContext context) {
    Optional<Path> chosen =
        Optional.ofNullable(caCertificate)
            .or(() -> context.variable(CA_VARIABLE).map(Path::of))
            .map(context::resolve)
            .or(() -> Optional.of(context.resolve(DEFAULT_CA)).filter(Files::isRegularFile));
    Path file =
        chosen.orElseThrow(
            () ->
                new CliException(
                    ExitStatus.USAGE,
                    "no CA certificate for the locker: pass --cacert FILE or set KEYLOCKER_CACERT"
                        + " (the locker writes it to keylocker-data/ca.pem)"));
    try {
      return Pem.certificate(readSmallFile(file, "CA certificate"));
    } catch (IllegalArgumentException e) {
      throw new CliException(ExitStatus.USAGE, file + " does not hold a PEM certificate");
    }
  }

  private AdminToken token(CliContext context) {
    if (token != null && tokenFile != null) {
      throw new CliException(ExitStatus.USAGE, "give either --token or --token-file, not both");
    }
    if (token != null) {
      return AdminToken.of(token, "--token");
    }
    if (tokenFile != null) {
      Path file = context.resolve(tokenFile);
      return AdminToken.of(readSmallFile(file, "token"), file.toString());
    }
    Optional<String> fromEnvironment = context.variable(TOKEN_VARIABLE);
    if (fromEnvironment.isPresent()) {
      return AdminToken.of(fromEnvironment.get(), TOKEN_VARIABLE);
    }
    Path fallback = context.resolve(DEFAULT_TOKEN);
    if (Files.isRegularFile(fallback)) {
      return AdminToken.of(readSmallFile(fallback, "token"), fallback.toString());
    }
    throw new CliException(
        ExitStatus.USAGE,
        "no admin token: pass --token-file FILE (the locker writes keylocker-data/admin-token) or set KEYLOCKER_TOKEN");
  }

  private static String readSmallFile(Path file, String what) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new CliException(ExitStatus.USAGE, "the " + what + " file " + file + " is too large");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(ExitStatus.USAGE, "the " + what + " file " + file + " does not exist");
    } catch (IOException e) {
      throw new CliException(
          ExitStatus.USAGE, "cannot read the " + what + " file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }
}
