-- The webhook dispatcher claims the due head of each matter's queue through this index (oldest due
-- first, an anti-join on exchange_outbox_pending for "no earlier undelivered event of the matter"),
-- instead of sorting every undelivered row each round (DISTINCT ON over the whole backlog).
CREATE INDEX exchange_outbox_due ON exchange_outbox (next_attempt_at) WHERE delivered_at IS NULL;

-- The primary key already serves ORDER BY id DESC (the admin page): one index fewer to write per event.
DROP INDEX exchange_outbox_recent;
