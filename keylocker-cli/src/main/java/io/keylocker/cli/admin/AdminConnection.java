package io.keylocker.cli.admin;

import java.net.URI;
import java.security.cert.X509Certificate;

/** Where the locker is, the one CA its certificate must chain to, and the admin token. */
public record AdminConnection(URI address, X509Certificate trustedCa, AdminToken token) {}
