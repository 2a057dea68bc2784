package io.keylocker.locker.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.keylocker.locker.error.LockerException;
import java.io.IOException;
import java.util.Collection;

/**
 * Strict JSON for the API: snake_case names, unknown or duplicate fields rejected, no type coercion
 * (a number is not a string and vice versa), nothing after the value, bounded nesting. Decoding
 * failures become {@link LockerException.Invalid} naming the field, never echoing input.
 */
final class JsonCodec {
  private static final int MAX_NESTING = 16;

  private final ObjectMapper mapper =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                  .build())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .withCoercionConfig(
              LogicalType.Textual,
              config ->
                  config
                      .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  /** Decodes a JSON object of type {@code type}. */
  <T> T read(byte[] body, Class<T> type) {
    T value;
    try {
      value = mapper.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw new LockerException.Invalid("unknown field '" + path(e) + "'");
    } catch (MismatchedInputException e) {
      throw new LockerException.Invalid(
          e.getPath().isEmpty()
              ? "request body must be exactly one JSON object"
              : "field '" + path(e) + "' must be " + describe(e.getTargetType()));
    } catch (DatabindException e) {
      throw new LockerException.Invalid(
          "field '" + path((JsonMappingException) e) + "' has an invalid value");
    } catch (JsonProcessingException e) {
      throw new LockerException.Invalid(malformed(e));
    } catch (IOException e) {
      throw new LockerException.Invalid("request body cannot be read as JSON");
    }
    if (value == null) {
      throw new LockerException.Invalid("request body must be exactly one JSON object");
    }
    return value;
  }

  byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode response", e);
    }
  }

  private static String malformed(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    if (original != null && original.startsWith("Duplicate field")) {
      return "duplicate field in a JSON object" + at(e.getLocation());
    }
    return "malformed JSON" + at(e.getLocation());
  }

  private static String at(JsonLocation location) {
    return location == null
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() > 120 ? path.substring(0, 120) + "..." : path.toString();
  }

  private static String describe(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
      return "an integer";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return Collection.class.isAssignableFrom(type) ? "an array" : "an object";
  }
}
