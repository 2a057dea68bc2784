package io.keylocker.locker.api;

import io.keylocker.locker.error.LockerException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Maps method and path to an endpoint. Templates are literal segments and {@code {name}} holes. */
final class Router {
  private final List<Route> routes = new ArrayList<>();

  record Match(Endpoint endpoint, Map<String, String> parameters) {}

  private record Route(String method, List<String> segments, Endpoint endpoint) {
    Optional<Map<String, String>> match(List<String> path) {
      if (path.size() != segments.size()) {
        return Optional.empty();
      }
      Map<String, String> parameters = new HashMap<>();
      for (int i = 0; i < segments.size(); i++) {
        String segment = segments.get(i);
        if (segment.startsWith("{") && segment.endsWith("}")) {
          parameters.put(segment.substring(1, segment.length() - 1), path.get(i));
        } else if (!segment.equals(path.get(i))) {
          return Optional.empty();
        }
      }
      return Optional.of(parameters);
    }
  }

  Router add(String method, String template, Endpoint endpoint) {
    routes.add(new Route(method, segments(template), endpoint));
    return this;
  }

  /**
   * The endpoint for the request; 404 for an unknown path, 405 for a known path and other method.
   */
  Match resolve(String method, String path) {
    List<String> segments = segments(path);
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Optional<Map<String, String>> parameters = route.match(segments);
      if (parameters.isPresent() && route.method().equals(method)) {
        return new Match(route.endpoint(), parameters.get());
      }
      parameters.ifPresent(ignored -> allowed.add(route.method()));
    }
    if (allowed.isEmpty()) {
      throw new LockerException.NotFound("no such endpoint");
    }
    throw new LockerException.MethodNotAllowed(
        "method not allowed here; allowed: " + String.join(", ", allowed));
  }

  private static List<String> segments(String path) {
    return List.of(path.split("/", -1));
  }
}
