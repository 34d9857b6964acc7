-- The version of Fingerprint.of that computed a matter's terms and entities (Fingerprint.VERSION).
-- Rows written before this column are NULL (read as version 1: before region names stopped counting
-- as targets) and are re-fingerprinted in the background by FingerprintRefresh; rows written from now
-- on get the current version from the default, so the index's INSERT does not name the column.
-- Adding a nullable column and a default is a catalogue change only (no table rewrite).
ALTER TABLE casefile_doc ADD COLUMN fingerprint_version smallint;
ALTER TABLE casefile_doc ALTER COLUMN fingerprint_version SET DEFAULT 2;
