package io.keylocker.locker.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keylocker.locker.error.LockerException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCodecTest {
  private final JsonCodec json = new JsonCodec();

  @Test
  void decodesSnakeCaseIntoRecords() {
    AgentDtos.KeyUpload key =
        read(
            "{\"key_id\":7,\"versions\":[{\"version\":1,\"wrapped\":\"AQ==\"}]}",
            AgentDtos.KeyUpload.class);

    assertThat(key)
        .isEqualTo(new AgentDtos.KeyUpload(7L, List.of(new AgentDtos.VersionUpload(1L, "AQ=="))));
  }

  @Test
  void rejectsNestedUnknownFieldByPath() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"key_id\":7,\"versions\":[{\"version\":1,\"wraped\":\"AQ==\"}]}",
                    AgentDtos.KeyUpload.class))
        .isInstanceOf(LockerException.Invalid.class)
        .hasMessage("unknown field 'versions[0].wraped'");
  }

  @Test
  void rejectsCoercion_stringsForNumbers_numbersForStrings_floatsForIntegers() {
    assertThatThrownBy(() -> read("{\"key_id\":\"7\",\"versions\":[]}", AgentDtos.KeyUpload.class))
        .hasMessage("field 'key_id' must be an integer");
    assertThatThrownBy(() -> read("{\"version\":1,\"wrapped\":5}", AgentDtos.VersionUpload.class))
        .hasMessage("field 'wrapped' must be a string");
    assertThatThrownBy(
            () -> read("{\"version\":1.5,\"wrapped\":\"AQ==\"}", AgentDtos.VersionUpload.class))
        .hasMessage("field 'version' must be an integer");
    assertThatThrownBy(() -> read("{\"key_id\":7,\"versions\":{}}", AgentDtos.KeyUpload.class))
        .hasMessage("field 'versions' must be an array");
  }

  @Test
  void rejectsNumberOutOfRange_namingTheField() {
    assertThatThrownBy(
            () ->
                read(
                    "{\"version\":99999999999999999999,\"wrapped\":\"AQ==\"}",
                    AgentDtos.VersionUpload.class))
        .isInstanceOf(LockerException.Invalid.class)
        .hasMessageContaining("'version'");
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "{\"name\":" + "[".repeat(100) + "]".repeat(100) + "}";

    assertThatThrownBy(() -> read(deep, AdminDtos.CreateTenant.class))
        .isInstanceOf(LockerException.Invalid.class);
  }

  private <T> T read(String body, Class<T> type) {
    return json.read(body.getBytes(StandardCharsets.UTF_8), type);
  }
}
