-- Keylocker locker schema, version 4: destroy of a whole keyring when its server is
-- decommissioned (docs/api.md, "Key lifecycle"). destroy_scheduled_for is when the scheduler
-- destroys every version of every key of the keyring (NULL: none scheduled). UTC epoch seconds.

ALTER TABLE keyrings ADD COLUMN destroy_scheduled_for INTEGER;
