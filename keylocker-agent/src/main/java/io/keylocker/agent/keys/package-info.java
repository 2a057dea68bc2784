/**
 * The seam between the agent's key state and the database-facing edges: {@link
 * io.keylocker.agent.keys.ServedKeys} (what an edge may read) and the id and version ranges every
 * edge validates against.
 */
package io.keylocker.agent.keys;
