package io.keylocker.locker;

import com.fasterxml.jackson.databind.JsonNode;
import io.keylocker.crypto.KdfParameters;
import io.keylocker.crypto.KeyWrapper;
import io.keylocker.crypto.SecretBytes;
import io.keylocker.crypto.WrapContext;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keyring request bodies as an agent builds them, with real format-1 wrapped blobs. */
final class KeyringJson {
  static final SecureRandom RANDOM = new SecureRandom();
  static final KeyWrapper WRAPPER = new KeyWrapper(RANDOM);

  private KeyringJson() {}

  /** A format-1 blob as the agent would produce (the locker never opens it). */
  static byte[] blob() {
    try (SecretBytes kek = SecretBytes.random(32, RANDOM);
        SecretBytes key = SecretBytes.random(32, RANDOM)) {
      return WRAPPER.wrap(kek, key, WrapContext.keyVersion("t", "s/default", "1", 1));
    }
  }

  /** One byte more than any format-1 blob can be, with a valid format byte. */
  static byte[] oversizedBlob() {
    byte[] blob = new byte[KeyWrapper.MAX_BLOB + 1];
    blob[0] = KeyWrapper.FORMAT_VERSION;
    return blob;
  }

  static Map<String, Object> keyring(Map<Long, List<byte[]>> keys) {
    return keyring(KdfParameters.recommended(RANDOM), blob(), keys);
  }

  static Map<String, Object> kdfJson(KdfParameters kdf) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("algorithm", kdf.algorithm());
    json.put("memory_kib", kdf.memoryKib());
    json.put("iterations", kdf.iterations());
    json.put("parallelism", kdf.parallelism());
    json.put("salt", encode(kdf.salt()));
    return json;
  }

  static Map<String, Object> keyring(
      KdfParameters kdf, byte[] verifier, Map<Long, List<byte[]>> keys) {
    List<Map<String, Object>> keyList = new ArrayList<>();
    keys.forEach(
        (id, blobs) -> {
          List<Map<String, Object>> versions = new ArrayList<>();
          for (int i = 0; i < blobs.size(); i++) {
            versions.add(Map.of("version", i + 1, "wrapped", encode(blobs.get(i))));
          }
          keyList.add(Map.of("key_id", id, "versions", versions));
        });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("format_version", 1);
    body.put("kdf", kdfJson(kdf));
    body.put("verifier", encode(verifier));
    body.put("keys", keyList);
    return body;
  }

  static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static byte[] decode(JsonNode node) {
    return Base64.getDecoder().decode(node.asText());
  }
}
