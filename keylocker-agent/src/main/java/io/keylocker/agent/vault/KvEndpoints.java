package io.keylocker.agent.vault;

import io.keylocker.agent.keys.KeyIds;
import io.keylocker.agent.keys.ServedKeys;
import io.keylocker.agent.keys.ServedKeys.ServedKey;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KV v2 under the mount, read-only (§4 rows 2, 5, 6, 8): {@code data/<id>[?version=N]}, {@code
 * metadata/<id>}, listing with the {@code LIST} verb or {@code GET ?list=true}, and {@code config}.
 * Key ids are decimal 1..4294967295, versions 1..2^31-1 ({@code version=0} means latest, as in
 * Vault). Writes get 405 with a message naming the command that creates keys.
 */
final class KvEndpoints {
  private static final Logger LOG = LoggerFactory.getLogger(KvEndpoints.class);
  private static final VaultReply BAD_KEY_ID =
      VaultReply.badRequest("key ids are decimal numbers from 1 to " + KeyIds.MAX_KEY_ID);
  private static final VaultReply BAD_VERSION =
      VaultReply.badRequest("version must be a decimal number from 0 (latest) to " + KeyIds.MAX_VERSION);
  private static final VaultReply BAD_LIST = VaultReply.badRequest("list must be true or false");

  private final ServedKeys keys;
  private final VaultBodies bodies;
  private final DeliveryCounters deliveries;

  KvEndpoints(ServedKeys keys, VaultBodies bodies, DeliveryCounters deliveries) {
    this.keys = keys;
    this.bodies = bodies;
    this.deliveries = deliveries;
  }

  /** {@code path} is what follows the mount. */
  VaultReply handle(String method, List<String> path, String query, Supplier<String> client) {
    if (path.isEmpty()) {
      return VaultReply.NOT_FOUND;
    }
    List<String> rest = path.subList(1, path.size());
    return switch (path.getFirst()) {
      case "data" -> !"GET".equals(method) ? VaultReply.READ_ONLY
          : rest.isEmpty() ? VaultReply.NOT_FOUND
          : read(String.join("/", rest), VaultPath.parameter(query, "version"), client);
      case "metadata" -> metadata(method, rest, VaultPath.parameter(query, "list"));
      case "config" -> !rest.isEmpty() ? VaultReply.NOT_FOUND
          : "GET".equals(method) ? VaultReply.ok(bodies.kvConfig()) : VaultReply.READ_ONLY;
      case "delete", "undelete", "destroy" -> VaultReply.READ_ONLY;
      default -> VaultReply.NOT_FOUND;
    };
  }

  private VaultReply read(String keyIdText, String versionText, Supplier<String> client) {
    long keyId = VaultPath.decimal(keyIdText, KeyIds.MAX_KEY_ID);
    if (keyId < KeyIds.MIN_KEY_ID) {
      return BAD_KEY_ID;
    }
    long version = versionText == null ? 0 : VaultPath.decimal(versionText, KeyIds.MAX_VERSION);
    if (version < 0) {
      return BAD_VERSION;
    }
    Served served = keys.whileHeld(() -> {
      if (!keys.unlocked()) {
        return new Served(VaultReply.SEALED, 0);
      }
      Optional<ServedKey> key = version == 0 ? keys.latest(keyId) : keys.version(keyId, version);
      return key.isEmpty()
          ? new Served(VaultReply.NOT_FOUND, 0)
          : new Served(VaultReply.secret(bodies.secret(key.get())), key.get().version());
    });
    if (served.reply().secret()) {
      deliveries.record(keyId, served.version());
      if (LOG.isDebugEnabled()) {
        LOG.debug("delivered key {} version {} to {}", keyId, served.version(), client.get());
      }
    }
    return served.reply();
  }

  /** A reply and, when it carries a key, the version served. */
  private record Served(VaultReply reply, long version) {}

  private VaultReply metadata(String method, List<String> rest, String listText) {
    Boolean list = listText == null ? Boolean.FALSE : VaultPath.parseBool(listText);
    if (list == null) {
      return BAD_LIST;
    }
    boolean listing = "LIST".equals(method) || ("GET".equals(method) && list);
    if (listing) {
      List<Long> ids = rest.isEmpty() ? keys.keyIds() : List.of();
      return ids.isEmpty() ? VaultReply.NOT_FOUND : VaultReply.ok(bodies.list(ids));
    }
    if (!"GET".equals(method)) {
      return VaultReply.READ_ONLY;
    }
    if (rest.isEmpty()) {
      return VaultReply.NOT_FOUND;
    }
    long keyId = VaultPath.decimal(String.join("/", rest), KeyIds.MAX_KEY_ID);
    if (keyId < KeyIds.MIN_KEY_ID) {
      return BAD_KEY_ID;
    }
    return keys.history(keyId).map(h -> VaultReply.ok(bodies.metadata(h))).orElse(VaultReply.NOT_FOUND);
  }
}
