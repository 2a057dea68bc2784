/**
 * The running daemon's control socket {@code S/agent.sock} (Unix domain, 0600, inside the 0700
 * state directory): a tiny length-prefixed binary protocol for unlock, lock, status and key
 * creation ({@link io.keylocker.agent.control.ControlServer}, {@link
 * io.keylocker.agent.control.ControlClient}). Passphrases travel as raw bytes into {@code
 * SecretBytes}, never as strings; answers are small JSON documents.
 */
package io.keylocker.agent.control;
