package io.keylocker.locker.bootstrap;

import io.keylocker.crypto.SecretBytes;
import io.keylocker.crypto.pki.Fingerprints;
import io.keylocker.locker.admin.AdminTokenRepository;
import io.keylocker.locker.storage.Transactions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure an admin token exists. On first start a token {@code kla_} + base64url(32 random
 * bytes) is written to {@code DATA/admin-token} (mode 0600, no trailing newline) and only its
 * SHA-256 is stored. A token file left by an interrupted first start is registered instead of
 * replaced. Once the database knows a token, nothing is ever generated again.
 */
public final class AdminTokenBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(AdminTokenBootstrap.class);
  private static final byte[] PREFIX = "kla_".getBytes(StandardCharsets.US_ASCII);
  private static final int TOKEN_BYTES = 32;

  private final Transactions transactions;
  private final AdminTokenRepository tokens;
  private final Clock clock;
  private final SecureRandom random;

  public AdminTokenBootstrap(
      Transactions transactions, AdminTokenRepository tokens, Clock clock, SecureRandom random) {
    this.transactions = transactions;
    this.tokens = tokens;
    this.clock = clock;
    this.random = random;
  }

  public void ensure(Path file) throws IOException {
    if (!transactions.read(tokens::isEmpty)) {
      if (!Files.exists(file)) {
        LOG.warn("{} is missing; the admin token created on first start is still valid", file);
      }
      return;
    }
    byte[] token = Files.exists(file) ? recover(file) : create(file);
    try {
      String digest = Fingerprints.sha256(token);
      transactions.run(() -> tokens.add(digest, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    } finally {
      Arrays.fill(token, (byte) 0);
    }
    LOG.info("admin token registered; it is in {}", file);
  }

  /** The token in a file left by an interrupted first start, without trailing whitespace. */
  private static byte[] recover(Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    int length = content.length;
    while (length > 0 && Character.isWhitespace(content[length - 1])) {
      length--;
    }
    byte[] token = Arrays.copyOf(content, length);
    Arrays.fill(content, (byte) 0);
    if (token.length == 0) {
      throw new IOException(file + " is empty; remove it to have a new admin token created");
    }
    return token;
  }

  private byte[] create(Path file) throws IOException {
    byte[] token;
    try (SecretBytes raw = SecretBytes.random(TOKEN_BYTES, random)) {
      byte[] encoded = raw.apply(bytes -> Base64.getUrlEncoder().withoutPadding().encode(bytes));
      token = new byte[PREFIX.length + encoded.length];
      System.arraycopy(PREFIX, 0, token, 0, PREFIX.length);
      System.arraycopy(encoded, 0, token, PREFIX.length, encoded.length);
      Arrays.fill(encoded, (byte) 0);
    }
    DataDirectory.write(file, token, DataDirectory.PRIVATE);
    return token;
  }
}
