-- The SMS outbox becomes durable: a message is written in the same transaction as the act that
-- causes it and sent afterwards by a dispatcher (SKIP LOCKED, so several nodes share the work).
-- Texts carry query codes, so they are stored encrypted.
DELETE FROM sms_outbox;
ALTER TABLE sms_outbox DROP COLUMN text;
ALTER TABLE sms_outbox ADD COLUMN text_enc bytea NOT NULL;
ALTER TABLE sms_outbox RENAME COLUMN sent_at TO queued_at;
ALTER TABLE sms_outbox ADD COLUMN sent_at timestamptz;
ALTER TABLE sms_outbox ADD COLUMN attempts int NOT NULL DEFAULT 0;
ALTER TABLE sms_outbox ADD COLUMN last_error varchar(300);
CREATE INDEX sms_outbox_pending ON sms_outbox (id) WHERE sent_at IS NULL;
