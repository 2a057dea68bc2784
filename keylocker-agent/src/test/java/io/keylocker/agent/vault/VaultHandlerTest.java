package io.keylocker.agent.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keylocker.agent.TestTls;
import io.keylocker.crypto.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VaultHandlerTest {
  private static final String TOKEN = "hvs.test-token-0123456789";
  private static final String AUTH = "X-Vault-Token:" + TOKEN;
  private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.123456789Z");
  private static final JsonMapper JSON = new JsonMapper();
  private static final byte[] KEY_1_V1 = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final byte[] KEY_1_V2 = HexFormat.of().parseHex("FFEEDDCCBBAA99887766554433221100ffeeddccbbaa99887766554433221100");

  private final FakeServedKeys keys = new FakeServedKeys();
  private final DeliveryCounters deliveries = new DeliveryCounters();
  private SecretBytes token;
  private VaultHttpServer server;
  private RawHttps client;

  @BeforeEach
  void start() {
    keys.put(1, 1, CREATED, KEY_1_V1);
    keys.put(1, 2, CREATED.plusSeconds(60), KEY_1_V2);
    keys.put(7, 1, CREATED, KEY_1_V1);
    token = SecretBytes.copyOf(TOKEN.getBytes(StandardCharsets.US_ASCII));
    TestTls tls = TestTls.create();
    Clock clock = Clock.fixed(Instant.parse("2026-12-03T16:18:00Z"), ZoneOffset.UTC);
    VaultHandler handler = new VaultHandler(keys, token, "mariadb", deliveries, clock, new SecureRandom());
    server = VaultHttpServer.start("127.0.0.1", 0, tls.serverContext(), handler);
    client = new RawHttps(tls.clientContext(), server.port());
  }

  @AfterEach
  void stop() {
    server.close();
    token.close();
  }

  private static JsonNode json(RawHttps.Reply reply) throws Exception {
    return JSON.readTree(reply.body());
  }

  @Test
  void dataRead_returnsLatestVersionAsLowerCaseHexWithNumericVersion() throws Exception {
    RawHttps.Reply reply = client.send("GET", "/v1/mariadb/data/1", AUTH);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(reply.body()).endsWith("}\n").contains("\"data\":\"ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100\"");
    JsonNode data = json(reply).get("data");
    assertThat(data.get("data").get("data").isTextual()).isTrue();
    assertThat(data.get("metadata").get("version").isNumber()).isTrue();
    assertThat(data.get("metadata").get("version").longValue()).isEqualTo(2);
    assertThat(data.get("metadata").get("created_time").textValue()).isEqualTo("2026-01-02T03:05:05.123456789Z");
    assertThat(json(reply).get("request_id").textValue()).hasSize(36);
  }

  @Test
  void dataRead_withVersion_returnsThatVersion() throws Exception {
    RawHttps.Reply reply = client.send("GET", "/v1/mariadb/data/1?version=1", AUTH);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode data = json(reply).get("data");
    assertThat(data.get("data").get("data").textValue()).isEqualTo(HexFormat.of().formatHex(KEY_1_V1));
    assertThat(data.get("metadata").get("version").longValue()).isEqualTo(1);
  }

  @Test
  void dataRead_versionZero_meansLatest_asInVault() throws Exception {
    assertThat(json(client.send("GET", "/v1/mariadb/data/1?version=0", AUTH)).at("/data/metadata/version").longValue())
        .isEqualTo(2);
  }

  @Test
  void dataRead_countsDeliveriesPerVersion() throws Exception {
    client.send("GET", "/v1/mariadb/data/1", AUTH);
    client.send("GET", "/v1/mariadb/data/1", AUTH);
    client.send("GET", "/v1/mariadb/data/1?version=1", AUTH);
    client.send("GET", "/v1/mariadb/data/9", AUTH);

    assertThat(deliveries.snapshot())
        .containsExactly(new DeliveryCounters.Delivery(1, 1, 1), new DeliveryCounters.Delivery(1, 2, 2));
  }

  @Test
  void missingKeyOrVersion_is404WithEmptyErrorsExactly() throws Exception {
    for (String target : new String[] {"/v1/mariadb/data/9", "/v1/mariadb/data/1?version=3", "/v1/mariadb/metadata/9"}) {
      RawHttps.Reply reply = client.send("GET", target, AUTH);
      assertThat(reply.status()).as(target).isEqualTo(404);
      assertThat(reply.body()).as(target).isEqualTo("{\"errors\":[]}\n");
      assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }
  }

  @Test
  void badOrMissingToken_is403PermissionDenied() throws Exception {
    for (String[] headers : new String[][] {{}, {"X-Vault-Token: hvs.wrong"}, {"X-Vault-Token: " + TOKEN + "x"}}) {
      RawHttps.Reply reply = client.send("GET", "/v1/mariadb/data/1", headers);
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.body()).isEqualTo("{\"errors\":[\"permission denied\"]}\n");
      assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }
    assertThat(client.send("GET", "/v1/auth/token/lookup-self", "X-Vault-Token: nope").status()).isEqualTo(403);
  }

  @Test
  void locked_is503VaultIsSealed() throws Exception {
    keys.setUnlocked(false);

    RawHttps.Reply reply = client.send("GET", "/v1/mariadb/data/1", AUTH);

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body()).isEqualTo("{\"errors\":[\"Vault is sealed\"]}\n");
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(client.send("GET", "/v1/sys/mounts/mariadb/tune", AUTH).status()).isEqualTo(503);
  }

  @Test
  void health_isUnauthenticated_200WhenUnsealed_503WhenSealed_andHeadHasNoBody() throws Exception {
    RawHttps.Reply get = client.send("GET", "/v1/sys/health");
    assertThat(get.status()).isEqualTo(200);
    assertThat(json(get).get("sealed").booleanValue()).isFalse();
    assertThat(json(get).get("initialized").booleanValue()).isTrue();
    assertThat(json(get).get("server_time_utc").longValue()).isEqualTo(Instant.parse("2026-12-03T16:18:00Z").getEpochSecond());

    RawHttps.Reply head = client.send("HEAD", "/v1/sys/health");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.header("Content-Type")).isEqualTo("application/json");

    keys.setUnlocked(false);
    assertThat(client.send("HEAD", "/v1/sys/health").status()).isEqualTo(503);
    RawHttps.Reply sealed = client.send("GET", "/v1/sys/health");
    assertThat(sealed.status()).isEqualTo(503);
    assertThat(json(sealed).get("sealed").booleanValue()).isTrue();
  }

  @Test
  void sealStatusAndInit_areUnauthenticated() throws Exception {
    RawHttps.Reply seal = client.send("GET", "/v1/sys/seal-status");
    assertThat(seal.status()).isEqualTo(200);
    assertThat(json(seal).get("sealed").booleanValue()).isFalse();
    RawHttps.Reply init = client.send("GET", "/v1/sys/init");
    assertThat(init.body()).isEqualTo("{\"initialized\":true}\n");
  }

  @Test
  void tune_hasOptionsAtTopLevelAndInData() throws Exception {
    RawHttps.Reply reply = client.send("GET", "/v1/sys/mounts/mariadb/tune", AUTH);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = json(reply);
    assertThat(body.at("/options/version").textValue()).isEqualTo("2");
    assertThat(body.at("/data/options/version").textValue()).isEqualTo("2");
    assertThat(body.get("default_lease_ttl").isNumber()).isTrue();
    assertThat(client.send("GET", "/v1/sys/mounts/other/tune", AUTH).status()).isEqualTo(400);
  }

  @Test
  void listVerbAndGetListTrue_returnKeyIdsAsStrings_withOrWithoutTrailingSlash() throws Exception {
    for (RawHttps.Reply reply : new RawHttps.Reply[] {
        client.send("LIST", "/v1/mariadb/metadata", AUTH),
        client.send("LIST", "/v1/mariadb/metadata/", AUTH),
        client.send("GET", "/v1/mariadb/metadata?list=true", AUTH),
        client.send("GET", "/v1/mariadb/metadata/?list=1", AUTH)}) {
      assertThat(reply.status()).isEqualTo(200);
      JsonNode ids = json(reply).at("/data/keys");
      assertThat(ids.size()).isEqualTo(2);
      assertThat(ids.get(0).isTextual()).isTrue();
      assertThat(ids.get(0).textValue()).isEqualTo("1");
      assertThat(ids.get(1).textValue()).isEqualTo("7");
    }
  }

  @Test
  void list_ofEmptyFolder_is404_andBadListValue_is400() throws Exception {
    RawHttps.Reply empty = client.send("LIST", "/v1/mariadb/metadata/1", AUTH);
    assertThat(empty.status()).isEqualTo(404);
    assertThat(empty.body()).isEqualTo("{\"errors\":[]}\n");
    RawHttps.Reply bad = client.send("GET", "/v1/mariadb/metadata?list=maybe", AUTH);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(json(bad).get("errors").get(0).textValue()).contains("list");
  }

  @Test
  void metadataRead_listsVersionsWithNumericCurrentVersion() throws Exception {
    RawHttps.Reply reply = client.send("GET", "/v1/mariadb/metadata/1", AUTH);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode data = json(reply).get("data");
    assertThat(data.get("current_version").isNumber()).isTrue();
    assertThat(data.get("current_version").longValue()).isEqualTo(2);
    assertThat(data.get("versions").has("1")).isTrue();
    assertThat(data.get("versions").has("2")).isTrue();
    assertThat(data.get("max_versions").isIntegralNumber()).isTrue();
  }

  @Test
  void kvConfig_hasTheTypesPerconaRequires() throws Exception {
    JsonNode data = json(client.send("GET", "/v1/mariadb/config", AUTH)).get("data");
    assertThat(data.get("max_versions").isIntegralNumber()).isTrue();
    assertThat(data.get("cas_required").isBoolean()).isTrue();
    assertThat(data.get("delete_version_after").textValue()).isEqualTo("0s");
  }

  @Test
  void sysMounts_uiMounts_andLookupSelf() throws Exception {
    JsonNode mounts = json(client.send("GET", "/v1/sys/mounts", AUTH));
    assertThat(mounts.at("/data/mariadb~1/options/version").textValue()).isEqualTo("2");
    assertThat(mounts.at("/mariadb~1/type").textValue()).isEqualTo("kv");

    RawHttps.Reply ui = client.send("GET", "/v1/sys/internal/ui/mounts/mariadb/data/1", AUTH);
    assertThat(json(ui).at("/data/path").textValue()).isEqualTo("mariadb/");
    assertThat(client.send("GET", "/v1/sys/internal/ui/mounts/secret", AUTH).status()).isEqualTo(404);

    RawHttps.Reply self = client.send("GET", "/v1/auth/token/lookup-self", AUTH);
    assertThat(self.status()).isEqualTo(200);
    assertThat(json(self).get("data").isObject()).isTrue();
    assertThat(self.body()).doesNotContain(TOKEN);
  }

  @Test
  void repeatedSlashesAndPercentEncodedSegments_areNormalised() throws Exception {
    assertThat(client.send("GET", "//v1//mariadb//data//1", AUTH).status()).isEqualTo(200);
    assertThat(client.send("GET", "/v1/mariadb/data/%31?version=1", AUTH).status()).isEqualTo(200);
    assertThat(client.send("GET", "/v1/mariadb/data/%zz", AUTH).status()).isEqualTo(400);
  }

  @Test
  void nonNumericOrOutOfRangeIdsAndVersions_are400WithAClearMessage() throws Exception {
    for (String target : new String[] {
        "/v1/mariadb/data/abc", "/v1/mariadb/data/0", "/v1/mariadb/data/4294967296",
        "/v1/mariadb/data/99999999999999999999", "/v1/mariadb/data/-1", "/v1/mariadb/data/1/2",
        "/v1/mariadb/metadata/x1"}) {
      RawHttps.Reply reply = client.send("GET", target, AUTH);
      assertThat(reply.status()).as(target).isEqualTo(400);
      assertThat(json(reply).get("errors").get(0).textValue()).as(target).contains("key ids are decimal numbers");
    }
    for (String version : new String[] {"abc", "2147483648", "", "-1"}) {
      RawHttps.Reply reply = client.send("GET", "/v1/mariadb/data/1?version=" + version, AUTH);
      assertThat(reply.status()).as(version).isEqualTo(400);
      assertThat(json(reply).get("errors").get(0).textValue()).contains("version must be");
    }
  }

  @Test
  void writes_are405NamingTheKeyCreateCommand() throws Exception {
    byte[] body = "{\"data\":{\"data\":\"00\"}}".getBytes(StandardCharsets.US_ASCII);
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
      RawHttps.Reply reply = client.send(method, "/v1/mariadb/data/5", body, AUTH, "Content-Type: application/json");
      assertThat(reply.status()).as(method).isEqualTo(405);
      assertThat(json(reply).get("errors").get(0).textValue()).contains("keylocker agent key create");
      assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    }
    assertThat(client.send("POST", "/v1/mariadb/destroy/1", body, AUTH).status()).isEqualTo(405);
  }

  @Test
  void unknownPaths_are404WithEmptyErrors() throws Exception {
    for (String target : new String[] {"/v1/secret/data/1", "/v1/sys/nothing", "/v2/mariadb/data/1", "/", "/v1/mariadb/other"}) {
      RawHttps.Reply reply = client.send("GET", target, AUTH);
      assertThat(reply.status()).as(target).isEqualTo(404);
      assertThat(reply.body()).as(target).isEqualTo("{\"errors\":[]}\n");
    }
  }

  @Test
  void oversizedTarget_is414() throws Exception {
    RawHttps.Reply reply = client.send("GET", "/v1/mariadb/data/1?pad=" + "a".repeat(2100), AUTH);
    assertThat(reply.status()).isEqualTo(414);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(json(reply).get("errors").get(0).textValue()).contains("2048");
  }

  @Test
  void oversizedHeaders_are431WithJsonErrors() throws Exception {
    RawHttps.Reply reply = client.send("GET", "/v1/mariadb/data/1", AUTH, "X-Padding: " + "p".repeat(9000));
    assertThat(reply.status()).isEqualTo(431);
    assertThat(reply.header("Content-Type")).isEqualTo("application/json");
    assertThat(json(reply).get("errors").get(0).textValue()).contains("8192");
  }

  @Test
  void oversizedBody_is413() throws Exception {
    // Announced, not sent: the edge answers from the header alone (and closes the connection).
    RawHttps.Reply reply = client.send("POST", "/v1/mariadb/data/1", AUTH, "Content-Length: 70000");
    assertThat(reply.status()).isEqualTo(413);
    assertThat(json(reply).get("errors").get(0).textValue()).contains("65536");
  }
}
