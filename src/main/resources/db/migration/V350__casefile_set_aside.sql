-- What a matter's text says of itself beyond its words (Fingerprint.flags): bit 1 = the letter names
-- another matter and sets it aside ("……的事已经反映过，这次是另一件事"), which keeps a pair out of
-- 很可能是同一事项 (DuplicateScore, issue 15). Written with the words (queue row, then document);
-- rows of an older Fingerprint.VERSION get it from FingerprintRefresh in the background. A NOT NULL
-- column with a constant default is a catalogue change only (no table rewrite).
ALTER TABLE casefile_index_queue ADD COLUMN flags smallint NOT NULL DEFAULT 0;
ALTER TABLE casefile_doc ADD COLUMN flags smallint NOT NULL DEFAULT 0;
ALTER TABLE casefile_doc ALTER COLUMN fingerprint_version SET DEFAULT 3;
