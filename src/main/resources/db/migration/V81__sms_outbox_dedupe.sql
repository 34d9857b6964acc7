-- Idempotent milestone SMS (issue 13 item 4): an event re-delivered after a crash between the
-- listener's commit and the registry's completion, or resubmitted while another node handles it,
-- must not text the petitioner twice. Each milestone message carries a key; the second insert is a no-op.
ALTER TABLE sms_outbox ADD COLUMN dedupe_key varchar(200);
CREATE UNIQUE INDEX sms_outbox_dedupe ON sms_outbox (dedupe_key) WHERE dedupe_key IS NOT NULL;
