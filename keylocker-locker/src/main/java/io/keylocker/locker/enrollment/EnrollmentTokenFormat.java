package io.keylocker.locker.enrollment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keylocker.locker.servers.ServerRef;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The enrollment token handed to an operator (docs/api.md): {@code kle1.} followed by the unpadded
 * base64url of the UTF-8 JSON {@code {"v":1,"addr","ca","tenant","server","secret"}}. It tells the
 * agent where the locker is and which CA to trust before any TLS connection.
 */
public final class EnrollmentTokenFormat {
  public static final String PREFIX = "kle1.";

  private final ObjectMapper json = new ObjectMapper();
  private final String address;
  private final String caFingerprint;

  /**
   * @param address the locker's URL as agents reach it, for example {@code https://127.0.0.1:8443}
   * @param caFingerprint SHA-256 hex of the locker CA certificate's DER encoding
   */
  public EnrollmentTokenFormat(String address, String caFingerprint) {
    this.address = address;
    this.caFingerprint = caFingerprint;
  }

  /** The token for {@code server} carrying {@code secret} (base64url of 32 random bytes). */
  public String encode(ServerRef server, String secret) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("v", 1);
    fields.put("addr", address);
    fields.put("ca", caFingerprint);
    fields.put("tenant", server.tenant().value());
    fields.put("server", server.server().value());
    fields.put("secret", secret);
    try {
      return PREFIX
          + Base64.getUrlEncoder().withoutPadding().encodeToString(json.writeValueAsBytes(fields));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode enrollment token", e);
    }
  }
}
