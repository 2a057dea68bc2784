/**
 * Benchmark programs. {@link io.keylocker.bench.BareEndpoint} is the ceiling for the Vault edge: the
 * identical Jetty/TLS stack answering a constant body of the same size, with no authentication,
 * lookup or key rendering.
 */
package io.keylocker.bench;
