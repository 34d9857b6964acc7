-- Registration regressed tenfold (issue 11) and the word counts drifted when an event was
-- delivered twice (issue 13, item 4). The registration's transaction now writes the matter's index
-- rows and one row in this queue; a background batch (CaseIndexer) counts the words of up to a few
-- hundred queued matters at once (one upsert per distinct word of the batch, in word order), joins
-- them to collective matters, and deletes their queue rows, all in one transaction: a matter's
-- words are counted exactly when its queue row is deleted, so no re-delivery can count twice.
CREATE TABLE casefile_index_queue (
    petition_id bigint PRIMARY KEY REFERENCES petition (id) ON DELETE CASCADE,
    queued_at   timestamptz NOT NULL DEFAULT now()
);

-- The old per-event listener (CaseIndex.count) is gone; its outstanding publications would be
-- re-run against a method that no longer exists. The repair below counts their words instead.
DO $$
BEGIN
    IF to_regclass('event_publication') IS NOT NULL THEN
        DELETE FROM event_publication
        WHERE completion_date IS NULL AND listener_id LIKE 'com.xinfang.casefile.CaseIndex.count%';
    END IF;
END $$;

-- Repair the drifted counts once: document frequency = rows of the inverted index per word.
TRUNCATE casefile_term_df;
INSERT INTO casefile_term_df (term, df) SELECT term, count(*) FROM casefile_term GROUP BY term;
