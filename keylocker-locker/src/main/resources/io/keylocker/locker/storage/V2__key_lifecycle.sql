-- Keylocker locker schema, version 2: key lifecycle (docs/api.md, "Key lifecycle"). Versions get
-- the five lifecycle states with the date each was entered; a destroyed version keeps its row but
-- its wrapped blob is deleted (NULL). Keyrings get their rotation policy. Agent commands carry
-- locker-to-agent requests; usage reports keep each server's latest report. Times are UTC epoch
-- seconds.

-- "wrapped" must become nullable, which SQLite can only do by rebuilding the table.
ALTER TABLE key_versions RENAME TO key_versions_v1;

CREATE TABLE key_versions (
  keyring_id INTEGER NOT NULL REFERENCES keyrings (id),
  key_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL
    CHECK (state IN ('pre-active', 'active', 'deactivated', 'compromised', 'destroyed')),
  wrapped BLOB,
  created_at INTEGER NOT NULL,
  activated_at INTEGER,
  deactivated_at INTEGER,
  compromised_at INTEGER,
  compromise_reason TEXT,
  destroyed_at INTEGER,
  destroy_scheduled_for INTEGER,
  destroy_blocked TEXT,
  PRIMARY KEY (keyring_id, key_id, version),
  CHECK ((state = 'destroyed') = (wrapped IS NULL))
);

-- Every existing version was active; the newest of each key stays active, older ones become
-- deactivated when their successor was created.
INSERT INTO key_versions (keyring_id, key_id, version, state, wrapped, created_at, activated_at)
  SELECT keyring_id, key_id, version, 'active', wrapped, created_at, created_at
  FROM key_versions_v1;

UPDATE key_versions
  SET state = 'deactivated',
      deactivated_at = (SELECT MIN(n.created_at) FROM key_versions n
                        WHERE n.keyring_id = key_versions.keyring_id
                          AND n.key_id = key_versions.key_id
                          AND n.version > key_versions.version)
  WHERE version < (SELECT MAX(n.version) FROM key_versions n
                   WHERE n.keyring_id = key_versions.keyring_id
                     AND n.key_id = key_versions.key_id);

DROP TABLE key_versions_v1;

-- At most one active version per key, whatever the code does.
CREATE UNIQUE INDEX key_versions_one_active ON key_versions (keyring_id, key_id)
  WHERE state = 'active';

CREATE INDEX key_versions_destroy_due ON key_versions (destroy_scheduled_for)
  WHERE destroy_scheduled_for IS NOT NULL;

ALTER TABLE keyrings ADD COLUMN cryptoperiod_days INTEGER NOT NULL DEFAULT 90;

ALTER TABLE keyrings ADD COLUMN destroy_grace_days INTEGER NOT NULL DEFAULT 7;

CREATE TABLE agent_commands (
  id TEXT PRIMARY KEY,
  server_id INTEGER NOT NULL REFERENCES servers (id),
  kind TEXT NOT NULL CHECK (kind IN ('rotate', 'refresh')),
  key_id INTEGER,
  created_at INTEGER NOT NULL,
  completed_at INTEGER,
  outcome TEXT CHECK (outcome IN ('done', 'failed')),
  message TEXT,
  CHECK ((kind = 'rotate') = (key_id IS NOT NULL)),
  CHECK ((completed_at IS NULL) = (outcome IS NULL))
);

CREATE INDEX agent_commands_server ON agent_commands (server_id, completed_at);

CREATE TABLE usage_reports (
  server_id INTEGER PRIMARY KEY REFERENCES servers (id),
  received_at INTEGER NOT NULL,
  report TEXT NOT NULL
);
