package io.keylocker.locker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What every endpoint shares: health, routing, request limits and strict JSON. */
class ApiEdgeTest extends LockerPerClass {
  @Test
  void health_needsNoToken() {
    ApiResponse response = locker.anonymous("GET", "/v1/health", null);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("status").asText()).isEqualTo("ok");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void malformedJson_is400_withPosition() {
    ApiResponse response = locker.admin("POST", "/v1/admin/tenants", "{\"name\": ");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage()).startsWith("malformed JSON at line 1");
  }

  @Test
  void unknownField_is400_namingIt() {
    ApiResponse response =
        locker.admin("POST", "/v1/admin/tenants", "{\"name\":\"typo\",\"nmae\":\"x\"}");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage()).isEqualTo("unknown field 'nmae'");
    assertThat(locker.names("/v1/admin/tenants", "tenants")).doesNotContain("typo");
  }

  @Test
  void trailingTokens_duplicateFields_andWrongTypes_areRejected() {
    assertThat(locker.admin("POST", "/v1/admin/tenants", "{\"name\":\"t1\"} {}").errorMessage())
        .isEqualTo("request body must be exactly one JSON object");
    assertThat(
            locker
                .admin("POST", "/v1/admin/tenants", "{\"name\":\"t2\",\"name\":\"t3\"}")
                .errorMessage())
        .startsWith("duplicate field");
    assertThat(locker.admin("POST", "/v1/admin/tenants", "{\"name\":42}").errorMessage())
        .isEqualTo("field 'name' must be a string");
    assertThat(locker.admin("POST", "/v1/admin/tenants", "[]").errorMessage())
        .isEqualTo("request body must be exactly one JSON object");
    assertThat(locker.names("/v1/admin/tenants", "tenants")).doesNotContain("t1", "t2", "t3");
  }

  @Test
  void oversizedBody_is413() {
    String body = "{\"name\":\"" + "a".repeat(70 * 1024) + "\"}";

    ApiResponse response = locker.admin("POST", "/v1/admin/tenants", body);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  @Test
  void oversizedChunkedBody_is413() {
    byte[] body = ("{\"name\":\"" + "a".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    ApiResponse response = locker.adminChunked("POST", "/v1/admin/tenants", body);

    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void chunkedBodyWithinTheLimit_isAccepted() {
    ApiResponse response =
        locker.adminChunked(
            "POST", "/v1/admin/tenants", "{\"name\":\"chunked\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(201);
  }

  @Test
  void overlongTarget_is400() {
    ApiResponse response =
        locker.admin("GET", "/v1/admin/tenants/" + "a".repeat(1100) + "/servers", null);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.errorMessage()).contains("longer than 1024");
  }

  @Test
  void unknownRoute_is404_andWrongMethod_is405() {
    assertThat(locker.admin("GET", "/v1/nothing", null).status()).isEqualTo(404);
    ApiResponse wrongMethod = locker.admin("DELETE", "/v1/admin/tenants", null);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
  }
}
