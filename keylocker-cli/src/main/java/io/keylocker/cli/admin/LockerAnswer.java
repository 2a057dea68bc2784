package io.keylocker.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful answer of the locker: the body exactly as received, and the same body parsed. */
public record LockerAnswer(String body, JsonNode json) {}
