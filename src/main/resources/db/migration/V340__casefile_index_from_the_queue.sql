-- Issue 11: a registration writes one row. The matter's words (hashed content words, named
-- targets, search words) are computed in the registration and carried in its queue row; the
-- indexer's batch writes the document (two GIN indexes), the inverted-index rows and the word
-- counts for up to a few hundred matters at once. Until then the duplicate finder reads the
-- queue row itself (Duplicates), so a matter is a candidate from its own registration on, as before.
-- Rows queued by earlier code (terms NULL) already have their document: the batch only counts them.
ALTER TABLE casefile_index_queue
    ADD COLUMN region_code varchar(12),
    ADD COLUMN received_at timestamptz,
    ADD COLUMN terms       int[],
    ADD COLUMN entities    int[],
    ADD COLUMN words       text[];

-- The collective matter a matter belongs to, in a table of its own: joining one rewrote the
-- earlier matter's document row, and an update of a row under two GIN indexes (its words and its
-- trigrams) re-inserted hundreds of index entries (0.6 ms a join, 0.7 joins per registration).
CREATE TABLE casefile_group (
    petition_id bigint PRIMARY KEY REFERENCES petition (id) ON DELETE CASCADE,
    group_id    bigint NOT NULL
);
CREATE INDEX casefile_group_group ON casefile_group (group_id);
INSERT INTO casefile_group (petition_id, group_id)
SELECT petition_id, group_id FROM casefile_doc WHERE group_id IS NOT NULL;
DROP INDEX IF EXISTS casefile_doc_group;
ALTER TABLE casefile_doc DROP COLUMN group_id;
