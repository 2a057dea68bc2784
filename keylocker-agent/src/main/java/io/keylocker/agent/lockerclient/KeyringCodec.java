package io.keylocker.agent.lockerclient;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keyring.WrappedKeyring;
import io.keylocker.agent.keyring.WrappedVersion;
import io.keylocker.agent.keys.KeyIds;
import io.keylocker.agent.keys.KeyState;
import io.keylocker.crypto.KdfParameters;
import io.keylocker.crypto.KeyWrapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keyring JSON (GET/PUT {@code /v1/agent/keyring}) ↔ {@link WrappedKeyring}, with the limits of
 * docs/api.md enforced on what comes back, so a hostile or corrupt record cannot make the agent
 * allocate unbounded memory (KDF ceilings are {@link KdfParameters}'s). Destroyed versions carry no
 * wrapped blob (one sent anyway is ignored); every other version must have one.
 */
final class KeyringCodec {
  static final int FORMAT_VERSION = 1;
  private static final int MAX_VERIFIER_BYTES = 256;
  private static final int MAX_VERSIONS = 100_000;

  private KeyringCodec() {}

  static byte[] encodeNew(KdfParameters kdf, byte[] verifier, byte[] firstKeyWrapped) {
    Base64.Encoder b64 = Base64.getEncoder();
    LockerJson.Kdf kdfJson = new LockerJson.Kdf(
        kdf.algorithm(), kdf.memoryKib(), kdf.iterations(), kdf.parallelism(), b64.encodeToString(kdf.salt()));
    LockerJson.Key first = new LockerJson.Key(
        KeyIds.MIN_KEY_ID, List.of(new LockerJson.Version(1L, null, null, b64.encodeToString(firstKeyWrapped))));
    return LockerJson.write(new LockerJson.Keyring(
        null, null, null, FORMAT_VERSION, null, kdfJson, b64.encodeToString(verifier), List.of(first)));
  }

  /** Decodes a keyring body from {@code source} ("the locker", "the cached keyring"). */
  static WrappedKeyring decode(byte[] json, String source) {
    try {
      LockerJson.Keyring keyring = LockerJson.read(json, LockerJson.Keyring.class);
      if (keyring.formatVersion() == null || keyring.formatVersion() != FORMAT_VERSION) {
        throw new IllegalArgumentException("unsupported format_version " + keyring.formatVersion());
      }
      byte[] verifier = bytes(keyring.verifier(), "verifier", MAX_VERIFIER_BYTES);
      return new WrappedKeyring(kdf(keyring.kdf()), verifier, versions(required(keyring.keys(), "keys")));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new AgentException.Refused(source + " sent an invalid keyring: " + e.getMessage());
    }
  }

  private static KdfParameters kdf(LockerJson.Kdf kdf) {
    required(kdf, "kdf");
    return new KdfParameters(
        required(kdf.algorithm(), "kdf.algorithm"),
        required(kdf.memoryKib(), "kdf.memory_kib"),
        required(kdf.iterations(), "kdf.iterations"),
        required(kdf.parallelism(), "kdf.parallelism"),
        bytes(kdf.salt(), "kdf.salt", 64));
  }

  private static List<WrappedVersion> versions(List<LockerJson.Key> keys) {
    List<WrappedVersion> versions = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (LockerJson.Key key : keys) {
      long keyId = required(key.keyId(), "key_id");
      if (!KeyIds.validKeyId(keyId)) {
        throw new IllegalArgumentException("key_id " + keyId + " is out of range");
      }
      for (LockerJson.Version v : required(key.versions(), "versions")) {
        long version = required(v.version(), "version");
        if (!KeyIds.validVersion(version) || !seen.add(keyId + "/" + version) || versions.size() >= MAX_VERSIONS) {
          throw new IllegalArgumentException("key " + keyId + " version " + version + " is invalid or repeated");
        }
        KeyState state = KeyState.parse(required(v.state(), "state"))
            .orElseThrow(() -> new IllegalArgumentException("key " + keyId + " version " + version + " has an unknown state"));
        byte[] wrapped = state == KeyState.DESTROYED ? null : bytes(v.wrapped(), "wrapped", KeyWrapper.MAX_BLOB);
        versions.add(new WrappedVersion(keyId, version, Instant.parse(required(v.createdAt(), "created_at")), state, wrapped));
      }
    }
    return versions;
  }

  private static byte[] bytes(String base64, String field, int maxBytes) {
    byte[] bytes = Base64.getDecoder().decode(required(base64, field));
    if (bytes.length > maxBytes) {
      throw new IllegalArgumentException(field + " is longer than " + maxBytes + " bytes");
    }
    return bytes;
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value;
  }
}
