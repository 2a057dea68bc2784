/**
 * Process and memory hygiene on Linux through the Foreign Function &amp; Memory API: {@code mlock}
 * and {@code madvise(MADV_DONTDUMP)} for secret pages, {@code prctl(PR_SET_DUMPABLE, 0)} for the
 * process. Every call degrades to a logged warning where the OS refuses it; none ever fails the
 * caller.
 */
package io.keylocker.crypto.memory;
