-- Keylocker locker schema, version 1: tenants, servers and their enrollment, admin tokens,
-- keyrings with wrapped key versions. Times are UTC epoch seconds. Secrets are never stored:
-- tokens only as SHA-256 (hex), key material only wrapped by the agent under a KEK the locker
-- never sees.

CREATE TABLE tenants (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

CREATE TABLE servers (
  id INTEGER PRIMARY KEY,
  tenant_id INTEGER NOT NULL REFERENCES tenants (id),
  name TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'enrolled')),
  created_at INTEGER NOT NULL,
  enrolled_at INTEGER,
  cert_serial TEXT UNIQUE,
  cert_fingerprint TEXT,
  cert_expires_at INTEGER,
  last_seen_at INTEGER,
  agent_state TEXT CHECK (agent_state IN ('locked', 'unlocked')),
  UNIQUE (tenant_id, name)
);

CREATE TABLE enrollment_tokens (
  id INTEGER PRIMARY KEY,
  server_id INTEGER NOT NULL REFERENCES servers (id),
  secret_sha256 TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  superseded BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE INDEX enrollment_tokens_server ON enrollment_tokens (server_id);

CREATE TABLE admin_tokens (
  id INTEGER PRIMARY KEY,
  token_sha256 TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

CREATE TABLE keyrings (
  id INTEGER PRIMARY KEY,
  server_id INTEGER NOT NULL UNIQUE REFERENCES servers (id),
  name TEXT NOT NULL,
  format_version INTEGER NOT NULL,
  kdf_algorithm TEXT NOT NULL,
  kdf_memory_kib INTEGER NOT NULL,
  kdf_iterations INTEGER NOT NULL,
  kdf_parallelism INTEGER NOT NULL,
  salt BLOB NOT NULL,
  verifier BLOB NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE key_versions (
  keyring_id INTEGER NOT NULL REFERENCES keyrings (id),
  key_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('active', 'deactivated')),
  wrapped BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (keyring_id, key_id, version)
);
