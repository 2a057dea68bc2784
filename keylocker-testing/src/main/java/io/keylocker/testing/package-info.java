/**
 * Test-only support shared by the modules' tests: a real MariaDB server started from the Debian
 * binaries on a free port with a temporary datadir, a runner for Debian's python3-hvac, free
 * ports and polling with a deadline. A missing component fails loudly with the install hint; it
 * never skips.
 */
package io.keylocker.testing;
