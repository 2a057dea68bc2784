package io.keylocker.locker.api;

/** What an endpoint answers: a status and a DTO to encode as JSON. */
record Reply(int status, Object body) {
  static Reply ok(Object body) {
    return new Reply(200, body);
  }

  static Reply created(Object body) {
    return new Reply(201, body);
  }
}
