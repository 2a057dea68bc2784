package io.keylocker.agent.lockerclient;

import io.keylocker.agent.error.AgentException;
import io.keylocker.agent.keys.KeyIds;
import io.keylocker.agent.lifecycle.CommandSource;
import io.keylocker.agent.lifecycle.PendingCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CommandSource} over the locker's agent API: {@code GET /v1/agent/commands?wait=S} with an
 * HTTP timeout a little above the wait, and {@code POST /v1/agent/commands/{id}/complete}.
 * Commands whose id is not a plain token (it goes into a URL path) or that lack a creation time
 * are ignored; a kind that is not a plain word is passed on as {@code "unreadable"}.
 */
final class LockerCommandSource implements CommandSource {
  private static final Logger LOG = LoggerFactory.getLogger(LockerCommandSource.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern KIND = Pattern.compile("[a-z0-9_-]{1,40}");
  private static final Duration GRACE = Duration.ofSeconds(5);
  private static final int MAX_MESSAGE = 500;

  private final LockerHttp http;

  LockerCommandSource(LockerHttp http) {
    this.http = http;
  }

  @Override
  public List<PendingCommand> poll(Duration wait) {
    byte[] body = http.exchange("GET", "/v1/agent/commands?wait=" + wait.toSeconds(), null, wait.plus(GRACE));
    List<LockerJson.Command> commands;
    try {
      commands = Optional.ofNullable(LockerJson.read(body, LockerJson.Commands.class).commands()).orElse(List.of());
    } catch (IllegalArgumentException e) {
      throw new AgentException.Refused("the locker sent an invalid command list: " + e.getMessage());
    }
    List<PendingCommand> pending = new ArrayList<>();
    for (LockerJson.Command command : commands) {
      parse(command).ifPresentOrElse(pending::add, () -> LOG.warn("ignoring a malformed command from the locker"));
    }
    return pending;
  }

  private static Optional<PendingCommand> parse(LockerJson.Command command) {
    if (command == null || command.id() == null || !ID.matcher(command.id()).matches() || command.createdAt() == null) {
      return Optional.empty();
    }
    try {
      String kind = command.kind() != null && KIND.matcher(command.kind()).matches() ? command.kind() : "unreadable";
      OptionalLong keyId = command.keyId() != null && KeyIds.validKeyId(command.keyId())
          ? OptionalLong.of(command.keyId()) : OptionalLong.empty();
      return Optional.of(new PendingCommand(command.id(), kind, keyId, Instant.parse(command.createdAt())));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A command the locker no longer knows (404: completed meanwhile) counts as completed. */
  @Override
  public void complete(String commandId, Outcome outcome, String message) {
    String bounded = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    byte[] body = LockerJson.write(new LockerJson.Completion(outcome.wireName(), bounded));
    try {
      http.exchange("POST", "/v1/agent/commands/" + commandId + "/complete", body);
    } catch (AgentException.NotFound e) {
      LOG.debug("command {} was already completed", commandId);
    }
  }
}
