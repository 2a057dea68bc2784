/**
 * The HTTPS edge of the locker (docs/api.md) on Jetty 12 core handlers: the listener (TLS only,
 * optional client certificates), routing, request limits, strict JSON, admin and agent
 * authentication, the JSON DTOs, and the one mapping from {@link
 * io.keylocker.locker.error.LockerException} to status and error body. Endpoints are thin: decode
 * with limits, authenticate, one service call, encode. Nothing here holds business rules.
 */
package io.keylocker.locker.api;
