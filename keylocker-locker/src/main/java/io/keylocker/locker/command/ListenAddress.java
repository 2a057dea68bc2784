package io.keylocker.locker.command;

/** {@code --listen HOST:PORT}; IPv6 literals in brackets ({@code [::1]:8443}). */
record ListenAddress(String host, int port) {
  static ListenAddress parse(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException(
          "--listen must be HOST:PORT (for example 127.0.0.1:8443), got '" + value + "'");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException(
          "--listen needs IPv6 addresses in brackets, for example [::1]:8443");
    }
    try {
      return new ListenAddress(host, Integer.parseInt(value.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--listen port must be a number, got '" + value.substring(colon + 1) + "'");
    }
  }
}
