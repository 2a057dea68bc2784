package io.keylocker.locker;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** A decoded locker response. */
public record ApiResponse(int status, HttpHeaders headers, String body, JsonNode json) {
  public String errorCode() {
    return json.path("error").path("code").asText();
  }

  public String errorMessage() {
    return json.path("error").path("message").asText();
  }
}
