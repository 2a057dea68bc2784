package io.keylocker.agent.vault;

import static io.keylocker.agent.vault.JsonBuffer.ascii;

import io.keylocker.agent.keys.KeyState;
import io.keylocker.agent.keys.ServedKeys.KeyHistory;
import io.keylocker.agent.keys.ServedKeys.ServedKey;
import io.keylocker.agent.keys.ServedKeys.VersionInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every JSON body of the Vault edge, in the shapes of reference/vault-kv-clients.md §5: errors,
 * the logical-response envelope, and the KV v2, {@code sys/} and {@code auth/} bodies. Numbers are
 * JSON numbers (MariaDB requires {@code metadata.version} to be one); key hex is emitted without
 * escaping; every body ends with a newline.
 */
final class VaultBodies {
  static final String VAULT_VERSION = "1.15.0";
  private static final byte[] HEAD = ascii("{\"request_id\":\"");
  private static final byte[] AFTER_ID = ascii("\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,\"data\":");
  private static final byte[] TAIL = ascii(",\"wrap_info\":null,\"warnings\":null,\"auth\":null}\n");
  private static final byte[] SECRET_DATA = ascii("{\"data\":{\"data\":\"");
  private static final byte[] SECRET_CREATED = ascii("\"},\"metadata\":{\"created_time\":\"");
  private static final byte[] SECRET_VERSION =
      ascii("\",\"custom_metadata\":null,\"deletion_time\":\"\",\"destroyed\":false,\"version\":");
  private static final byte[] SECRET_END = ascii("}}");
  private static final int SECRET_CAPACITY = 512;
  private static final String KV_CONFIG = "{\"cas_required\":false,\"delete_version_after\":\"0s\",\"max_versions\":0}";
  private static final String TUNE_FIELDS = "\"default_lease_ttl\":2764800,\"max_lease_ttl\":2764800,"
      + "\"force_no_cache\":false,\"description\":\"keys served by the keylocker agent\",\"options\":{\"version\":\"2\"}";

  private final RequestIds ids;
  private final String mountInfo;
  private final String mountEntry;

  VaultBodies(String mount, RequestIds ids) {
    this.ids = ids;
    this.mountInfo = "{\"accessor\":\"kv_keylocker\",\"config\":{\"default_lease_ttl\":0,\"force_no_cache\":false,"
        + "\"max_lease_ttl\":0},\"description\":\"keys served by the keylocker agent\","
        + "\"external_entropy_access\":false,\"local\":true,\"options\":{\"version\":\"2\"},\"path\":"
        + quoted(mount + "/") + ",\"seal_wrap\":false,\"type\":\"kv\"}";
    this.mountEntry = quoted(mount + "/") + ":" + mountInfo;
  }

  static byte[] error(String... messages) {
    JsonBuffer out = new JsonBuffer(64).raw("{\"errors\":[");
    for (int i = 0; i < messages.length; i++) {
      out.raw(i == 0 ? "" : ",").string(messages[i]);
    }
    return out.raw("]}\n").toByteArray();
  }

  /** The KV v2 read of one version (§5.1). The buffer holds key hex: the caller zeroes it. */
  JsonBuffer secret(ServedKey key) {
    JsonBuffer out = new JsonBuffer(SECRET_CAPACITY).raw(HEAD);
    ids.writeNext(out);
    return out.raw(AFTER_ID).raw(SECRET_DATA).hex(key.material()).raw(SECRET_CREATED)
        .raw(key.createdAt().toString()).raw(SECRET_VERSION).number(key.version()).raw(SECRET_END).raw(TAIL);
  }

  /**
   * KV v2 metadata: {@code current_version} is the active version (the newest when none is
   * active), destroyed versions have {@code destroyed: true}, and every version also carries its
   * lifecycle {@code state} (an addition to Vault's shape; clients ignore unknown fields).
   */
  byte[] metadata(KeyHistory history) {
    List<VersionInfo> versions = history.versions();
    long current = history.active().orElse(versions.getLast()).version();
    JsonBuffer data = new JsonBuffer(256)
        .raw("{\"cas_required\":false,\"created_time\":\"").raw(versions.getFirst().createdAt().toString())
        .raw("\",\"current_version\":").number(current)
        .raw(",\"custom_metadata\":null,\"delete_version_after\":\"0s\",\"max_versions\":0,\"oldest_version\":0,")
        .raw("\"updated_time\":\"").raw(versions.getLast().createdAt().toString()).raw("\",\"versions\":{");
    for (int i = 0; i < versions.size(); i++) {
      VersionInfo v = versions.get(i);
      data.raw(i == 0 ? "\"" : ",\"").number(v.version()).raw("\":{\"created_time\":\"")
          .raw(v.createdAt().toString()).raw("\",\"deletion_time\":\"\",\"destroyed\":")
          .raw(String.valueOf(v.state() == KeyState.DESTROYED)).raw(",\"state\":\"").raw(v.state().wireName()).raw("\"}");
    }
    return envelope(data.raw("}}").toByteArray());
  }

  byte[] list(List<Long> keyIds) {
    JsonBuffer data = new JsonBuffer(32 + 14 * keyIds.size()).raw("{\"keys\":[");
    for (int i = 0; i < keyIds.size(); i++) {
      data.raw(i == 0 ? "\"" : ",\"").number(keyIds.get(i)).raw("\"");
    }
    return envelope(data.raw("]}").toByteArray());
  }

  byte[] kvConfig() {
    return envelope(ascii(KV_CONFIG));
  }

  /** {@code sys/mounts/<m>/tune}: the fields at the top level (MariaDB reads those) and in data. */
  byte[] tune() {
    JsonBuffer out = new JsonBuffer(512).raw(HEAD);
    ids.writeNext(out);
    return out.raw("\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,").raw(TUNE_FIELDS)
        .raw(",\"data\":{").raw(TUNE_FIELDS).raw("}").raw(TAIL).toByteArray();
  }

  /** {@code sys/mounts}: our one mount, keyed {@code "<mount>/"}, at the top level and in data. */
  byte[] mounts() {
    JsonBuffer out = new JsonBuffer(1024).raw(HEAD);
    ids.writeNext(out);
    return out.raw("\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,").raw(mountEntry)
        .raw(",\"data\":{").raw(mountEntry).raw("}").raw(TAIL).toByteArray();
  }

  byte[] uiMount() {
    return envelope(ascii(mountInfo));
  }

  byte[] lookupSelf(long creationTime) {
    return envelope(ascii("{\"accessor\":\"\",\"creation_time\":" + creationTime + ",\"creation_ttl\":0,"
        + "\"display_name\":\"keylocker-agent\",\"entity_id\":\"\",\"expire_time\":null,\"explicit_max_ttl\":0,"
        + "\"meta\":null,\"num_uses\":0,\"orphan\":true,\"path\":\"auth/token/create\","
        + "\"policies\":[\"keylocker-read\"],\"renewable\":false,\"ttl\":0,\"type\":\"service\"}"));
  }

  static byte[] health(boolean sealed, long serverTimeUtc) {
    return ascii("{\"initialized\":true,\"sealed\":" + sealed + ",\"standby\":false,\"performance_standby\":false,"
        + "\"replication_performance_mode\":\"disabled\",\"replication_dr_mode\":\"disabled\",\"server_time_utc\":"
        + serverTimeUtc + ",\"version\":\"" + VAULT_VERSION + "\",\"cluster_name\":\"keylocker-agent\"}\n");
  }

  static byte[] sealStatus(boolean sealed) {
    return ascii("{\"type\":\"shamir\",\"initialized\":true,\"sealed\":" + sealed + ",\"t\":1,\"n\":1,\"progress\":0,"
        + "\"nonce\":\"\",\"version\":\"" + VAULT_VERSION + "\",\"build_date\":\"\",\"migration\":false,"
        + "\"recovery_seal\":false,\"storage_type\":\"keylocker\"}\n");
  }

  static byte[] initialized() {
    return ascii("{\"initialized\":true}\n");
  }

  private byte[] envelope(byte[] data) {
    JsonBuffer out = new JsonBuffer(data.length + 160).raw(HEAD);
    ids.writeNext(out);
    return out.raw(AFTER_ID).raw(data).raw(TAIL).toByteArray();
  }

  private static String quoted(String s) {
    return new String(new JsonBuffer(s.length() + 2).string(s).toByteArray(), StandardCharsets.UTF_8);
  }
}
