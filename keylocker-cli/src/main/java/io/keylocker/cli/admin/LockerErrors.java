package io.keylocker.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keylocker.cli.CliException;
import io.keylocker.cli.ExitStatus;
import io.keylocker.cli.SafeText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The one mapping from what can go wrong between the CLI and the locker to an exit code and a
 * message (docs/api.md): cannot connect or TLS refused → 3; 401/403 → 4; 404 → 5; any other error
 * answer (400, 409, 410, 413, 500, ...) → 1. The locker's own {@code error.message} is shown
 * whenever there is one.
 */
final class LockerErrors {
  private LockerErrors() {}

  static CliException forAnswer(int status, String body, ObjectMapper json) {
    String message = lockerMessage(body, json).orElse("the locker answered HTTP " + status);
    return switch (status) {
      case 401 -> new CliException(
          ExitStatus.UNAUTHENTICATED, message + " (check --token, --token-file or KEYLOCKER_TOKEN)");
      case 403 -> new CliException(ExitStatus.UNAUTHENTICATED, message);
      case 404 -> new CliException(ExitStatus.NOT_FOUND, message);
      default -> new CliException(ExitStatus.FAILED, message);
    };
  }

  static CliException unexpectedBody(URI address) {
    return new CliException(ExitStatus.FAILED, "the answer from " + address + " is not a Keylocker locker's JSON");
  }

  static CliException forFailure(IOException failure, URI address) {
    if (failure instanceof SSLException) {
      return new CliException(ExitStatus.UNREACHABLE, tlsProblem(failure, address), failure);
    }
    return new CliException(
        ExitStatus.UNREACHABLE, "cannot reach the locker at " + address + " (" + transportProblem(failure) + ")", failure);
  }

  private static String tlsProblem(IOException failure, URI address) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String name = t.getClass().getSimpleName();
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (t instanceof CertificateException && (text.contains("subject alternative") || text.contains("no name matching"))) {
        return "cannot reach the locker at " + address + ": its certificate is not valid for the host "
            + address.getHost() + " (use the host name or address the locker's certificate was issued for in --addr)";
      }
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException || name.equals("ValidatorException")) {
        return "cannot reach the locker at " + address + ": its certificate was not trusted"
            + " (check --cacert: it must be the locker's CA certificate, keylocker-data/ca.pem on the locker host)";
      }
    }
    return "cannot reach the locker at " + address + ": the TLS handshake failed ("
        + SafeText.line(failure.getMessage()) + "); is it a Keylocker locker, and is --cacert its CA?";
  }

  private static String transportProblem(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host";
      }
    }
    if (failure instanceof HttpConnectTimeoutException) {
      return "connection timed out after " + AdminClient.TIMEOUT.toSeconds() + " s";
    }
    if (failure instanceof HttpTimeoutException) {
      return "no answer within " + AdminClient.TIMEOUT.toSeconds() + " s";
    }
    if (failure instanceof ConnectException) {
      return "connection refused";
    }
    String detail = failure.getMessage() == null ? "" : ": " + SafeText.line(failure.getMessage());
    return failure.getClass().getSimpleName() + detail;
  }

  private static Optional<String> lockerMessage(String body, ObjectMapper json) {
    try {
      JsonNode message = json.readTree(body).path("error").path("message");
      return message.isTextual() && !message.asText().isBlank()
          ? Optional.of(SafeText.line(message.asText()))
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
