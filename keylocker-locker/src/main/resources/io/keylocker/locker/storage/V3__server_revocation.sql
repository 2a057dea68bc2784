-- Keylocker locker schema, version 3: server revocation (docs/api.md, "Revoking a server").
-- A revoked server has revoked_at set. The state column keeps its V1 values ('pending',
-- 'enrolled'): SQLite cannot change the CHECK of a table that other tables reference without
-- rebuilding them all, so "revoked" is revoked_at IS NOT NULL. Every certificate a revocation
-- refused is kept in revoked_certificates for ever, so it stays refused (as revoked) even after
-- the server re-enrolled with a new one. Times are UTC epoch seconds.

ALTER TABLE servers ADD COLUMN revoked_at INTEGER;

ALTER TABLE servers ADD COLUMN revoke_reason TEXT;

CREATE TABLE revoked_certificates (
  cert_serial TEXT PRIMARY KEY,
  server_id INTEGER NOT NULL REFERENCES servers (id),
  cert_fingerprint TEXT NOT NULL,
  revoked_at INTEGER NOT NULL
);
