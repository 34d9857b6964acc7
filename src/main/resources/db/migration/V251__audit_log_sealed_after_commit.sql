-- The audit log's hash chain is sealed after commit by one sealer (audit.AuditLog.seal) instead of under a
-- global advisory lock held through every audited transaction's commit: an entry is inserted in the act's
-- own transaction (it exists if and only if the act happened) without a chain position; the sealer gives
-- committed entries their place (chain_seq), previous hash and hash, in id order, within about a second.
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_log ADD COLUMN chain_seq bigint;
UPDATE audit_log SET chain_seq = id;
CREATE UNIQUE INDEX audit_log_chain ON audit_log (chain_seq);
CREATE INDEX audit_log_unsealed ON audit_log (id) WHERE chain_seq IS NULL;
-- an entry is sealed all at once or not at all
ALTER TABLE audit_log ADD CONSTRAINT audit_log_sealed_whole
  CHECK ((chain_seq IS NULL AND prev_hash IS NULL AND hash IS NULL) OR (chain_seq IS NOT NULL AND prev_hash IS NOT NULL AND hash IS NOT NULL));
