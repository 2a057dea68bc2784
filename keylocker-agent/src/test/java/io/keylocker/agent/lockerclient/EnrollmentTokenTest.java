package io.keylocker.agent.lockerclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.agent.error.AgentException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EnrollmentTokenTest {
  private static final String CA = "ab".repeat(32);

  private static String token(String json) {
    return "kle1." + Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(String v, String addr, String ca, String tenant, String secret) {
    return "{\"v\":" + v + ",\"addr\":\"" + addr + "\",\"ca\":\"" + ca + "\",\"tenant\":\"" + tenant
        + "\",\"server\":\"db1\",\"secret\":\"" + secret + "\"}";
  }

  private static String valid() {
    return json("1", "https://127.0.0.1:8443", CA, "acme", FakeLocker.SECRET);
  }

  private static void assertMalformed(String token, String why) {
    assertThatThrownBy(() -> EnrollmentToken.parse(token))
        .isInstanceOf(AgentException.InvalidInput.class)
        .hasMessageStartingWith("the enrollment token is malformed")
        .hasMessageContaining(why);
  }

  @Test
  void parse_acceptsAWellFormedToken() {
    EnrollmentToken parsed = EnrollmentToken.parse("  " + token(valid()) + "\n");

    assertThat(parsed.target().locker().toString()).isEqualTo("https://127.0.0.1:8443");
    assertThat(parsed.target().tenant()).isEqualTo("acme");
    assertThat(parsed.target().server()).isEqualTo("db1");
    assertThat(parsed.target().caFingerprint()).isEqualTo(CA);
    assertThat(parsed.secret()).isEqualTo(FakeLocker.SECRET);
    assertThat(parsed.toString()).doesNotContain(FakeLocker.SECRET);
  }

  @Test
  void parse_rejectsGarbageWrongPrefixAndOversizeTokens() {
    assertMalformed("garbage", "does not start with 'kle1.'");
    assertMalformed("kle2." + token(valid()).substring(5), "does not start with 'kle1.'");
    assertMalformed("kle1.", "not unpadded base64url");
    assertMalformed("kle1." + "A".repeat(3000), "longer than 2048");
    assertMalformed(token(valid()) + "=", "not unpadded base64url");
    assertMalformed("kle1.abc+def/", "not unpadded base64url");
    assertMalformed(token("not json at all"), "does not contain JSON");
    assertMalformed(token("[1,2]"), "exactly the fields");
  }

  @Test
  void parse_rejectsMissingExtraOrMistypedFields() {
    assertMalformed(token(valid().replace(",\"server\":\"db1\"", "")), "exactly the fields");
    assertMalformed(token(valid().replace("}", ",\"extra\":1}")), "exactly the fields");
    assertMalformed(token(json("2", "https://127.0.0.1:8443", CA, "acme", FakeLocker.SECRET)), "version is not 1");
    assertMalformed(token(json("\"1\"", "https://127.0.0.1:8443", CA, "acme", FakeLocker.SECRET)), "version is not 1");
    assertMalformed(token(json("1", "https://127.0.0.1:8443", CA, "acme", "short")), "secret");
    assertMalformed(token(json("1", "https://127.0.0.1:8443", "XYZ", "acme", FakeLocker.SECRET)), "fingerprint");
    assertMalformed(token(json("1", "https://127.0.0.1:8443", CA, "Acme!", FakeLocker.SECRET)), "tenant");
  }

  @Test
  void parse_rejectsAddressesThatAreNotPlainHttps() {
    for (String addr : new String[] {"http://127.0.0.1:8443", "https://127.0.0.1:8443/path", "https://user@host:1",
        "https://host:1?q=1", "ftp://host", "not a uri", "https://"}) {
      assertThatThrownBy(() -> EnrollmentToken.parse(token(json("1", addr, CA, "acme", FakeLocker.SECRET))))
          .as(addr)
          .isInstanceOf(AgentException.InvalidInput.class)
          .hasMessageContaining("address");
    }
  }
}
