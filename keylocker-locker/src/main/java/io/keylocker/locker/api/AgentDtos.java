package io.keylocker.locker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.keylocker.crypto.KdfParameters;
import io.keylocker.crypto.pki.Pem;
import io.keylocker.locker.commands.AgentCommand;
import io.keylocker.locker.enrollment.EnrolledAgent;
import io.keylocker.locker.keyrings.KeyEntry;
import io.keylocker.locker.keyrings.KeyId;
import io.keylocker.locker.keyrings.KeyVersion;
import io.keylocker.locker.keyrings.Keyring;
import io.keylocker.locker.keyrings.NewKeyring;
import io.keylocker.locker.keyrings.VersionNumber;
import io.keylocker.locker.keyrings.WrappedKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** JSON bodies of the agent API (docs/api.md); names are snake_case on the wire. */
final class AgentDtos {
  private AgentDtos() {}

  record Enroll(String secret, String csr) {
    @Override
    public String toString() {
      return "Enroll[redacted]";
    }
  }

  record Enrolled(String tenant, String server, String certificate, String ca, String expiresAt) {
    static Enrolled of(EnrolledAgent agent) {
      return new Enrolled(
          agent.server().tenant().value(),
          agent.server().server().value(),
          Pem.encode(agent.certificate()),
          Pem.encode(agent.ca()),
          agent.expiresAt().toString());
    }
  }

  record Kdf(
      String algorithm, Integer memoryKib, Integer iterations, Integer parallelism, String salt) {
    static Kdf of(KdfParameters kdf) {
      return new Kdf(
          kdf.algorithm(),
          kdf.memoryKib(),
          kdf.iterations(),
          kdf.parallelism(),
          base64(kdf.salt()));
    }

    KdfParameters toDomain() {
      return NewKeyring.kdf(
          Fields.require(algorithm, "kdf.algorithm"),
          Fields.require(memoryKib, "kdf.memory_kib"),
          Fields.require(iterations, "kdf.iterations"),
          Fields.require(parallelism, "kdf.parallelism"),
          Fields.base64(salt, "kdf.salt"));
    }
  }

  /** A key version as uploaded: in {@code PUT /v1/agent/keyring} and when adding a version. */
  record VersionUpload(Long version, String wrapped) {
    NewKeyring.NewVersion toDomain(String prefix) {
      String versionField = Fields.path(prefix, "version");
      VersionNumber number =
          Fields.at(versionField, () -> new VersionNumber(Fields.require(version, versionField)));
      return new NewKeyring.NewVersion(number, wrappedKey(wrapped, Fields.path(prefix, "wrapped")));
    }
  }

  record KeyUpload(Long keyId, List<VersionUpload> versions) {
    NewKeyring.NewKey toDomain(String prefix) {
      String idField = Fields.path(prefix, "key_id");
      KeyId id = Fields.at(idField, () -> new KeyId(Fields.require(keyId, idField)));
      List<VersionUpload> uploads = Fields.require(versions, Fields.path(prefix, "versions"));
      List<NewKeyring.NewVersion> parsed = new ArrayList<>();
      for (int i = 0; i < uploads.size(); i++) {
        String path = Fields.path(prefix, "versions[" + i + "]");
        parsed.add(Fields.require(uploads.get(i), path).toDomain(path));
      }
      return new NewKeyring.NewKey(id, parsed);
    }
  }

  record KeyringUpload(Integer formatVersion, Kdf kdf, String verifier, List<KeyUpload> keys) {
    NewKeyring toDomain() {
      KdfParameters parameters = Fields.require(kdf, "kdf").toDomain();
      List<KeyUpload> uploads = Fields.require(keys, "keys");
      List<NewKeyring.NewKey> parsed = new ArrayList<>();
      for (int i = 0; i < uploads.size(); i++) {
        String path = "keys[" + i + "]";
        parsed.add(Fields.require(uploads.get(i), path).toDomain(path));
      }
      return new NewKeyring(
          Fields.require(formatVersion, "format_version"),
          parameters,
          Fields.base64(verifier, "verifier"),
          parsed);
    }
  }

  record KeyringBody(
      String tenant,
      String server,
      String keyring,
      int formatVersion,
      String createdAt,
      Kdf kdf,
      String verifier,
      List<KeyItem> keys) {
    static KeyringBody of(Keyring keyring) {
      return new KeyringBody(
          keyring.owner().tenant().value(),
          keyring.owner().server().value(),
          Keyring.DEFAULT_NAME,
          keyring.formatVersion(),
          keyring.createdAt().toString(),
          Kdf.of(keyring.kdf()),
          base64(keyring.verifier()),
          keyring.keys().stream().map(KeyItem::of).toList());
    }
  }

  record KeyItem(long keyId, List<VersionItem> versions) {
    static KeyItem of(KeyEntry key) {
      return new KeyItem(key.id().value(), key.versions().stream().map(VersionItem::of).toList());
    }
  }

  /** A version for the agent; {@code wrapped} is omitted once destroyed. */
  record VersionItem(
      long version,
      String state,
      String createdAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) String wrapped) {
    static VersionItem of(KeyVersion version) {
      return new VersionItem(
          version.version().value(),
          version.state().label(),
          version.createdAt().toString(),
          version.wrapped().map(wrapped -> base64(wrapped.bytes())).orElse(null));
    }
  }

  record VersionAdded(long keyId, long version, String state, String createdAt) {
    static VersionAdded of(KeyId key, KeyVersion version) {
      return new VersionAdded(
          key.value(),
          version.version().value(),
          version.state().label(),
          version.createdAt().toString());
    }
  }

  record Commands(List<CommandItem> commands) {
    static Commands of(List<AgentCommand> commands) {
      return new Commands(commands.stream().map(CommandItem::of).toList());
    }
  }

  /** A pending command; {@code key_id} only for {@code rotate}. */
  record CommandItem(
      String id,
      String kind,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long keyId,
      String createdAt) {
    static CommandItem of(AgentCommand command) {
      return new CommandItem(
          command.id().toString(),
          command.kind().label(),
          command.key().map(KeyId::value).orElse(null),
          command.createdAt().toString());
    }
  }

  record CompleteCommand(String outcome, String message) {}

  record Heartbeat(String state) {}

  record HeartbeatReply(String serverTime) {}

  private static WrappedKey wrappedKey(String base64, String field) {
    byte[] bytes = Fields.base64(base64, field);
    return Fields.at(field, () -> new WrappedKey(bytes));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
