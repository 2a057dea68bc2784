package io.keylocker.locker.api;

/** {@code {"error":{"code":"…","message":"…"}}} of docs/api.md. */
record ErrorBody(Detail error) {
  record Detail(String code, String message) {}

  static ErrorBody of(ErrorCode code, String message) {
    return new ErrorBody(new Detail(code.name(), message));
  }
}
