-- Case files (一人一档), duplicate detection and search (issue 5). Derived from petition text in
-- Java (HanLP segmentation) and written in the registration's transaction; rebuilt at start-up for
-- matters that have none (CaseIndex.backfill).

-- Per matter: its hashed content words and named entities (sorted int arrays, re-scored in Java),
-- its words as a tsvector for search, and the collective matter it belongs to, if any.
CREATE TABLE casefile_doc (
    petition_id bigint   PRIMARY KEY REFERENCES petition (id) ON DELETE CASCADE,
    region_code varchar(12) NOT NULL,   -- copies of the petition's (never changed after registration):
    received_at timestamptz NOT NULL,   -- search filters and orders here without a join
    terms       int[]    NOT NULL,
    entities    int[]    NOT NULL,
    words       tsvector NOT NULL,
    text        text     NOT NULL,      -- title and content, for exact substrings (pg_trgm)
    group_id    bigint
);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX casefile_doc_words ON casefile_doc USING gin (words);
-- Exact substring search over titles and contents (Chinese: the database runs with a UTF-8 locale).
-- On the same table as the words, so that "word or substring" per query term combines two bitmaps.
CREATE INDEX casefile_doc_text ON casefile_doc USING gin (text gin_trgm_ops);
CREATE INDEX casefile_doc_received ON casefile_doc (received_at DESC);
CREATE INDEX casefile_doc_group ON casefile_doc (group_id) WHERE group_id IS NOT NULL;

-- The inverted index of duplicate candidates: one row per (word, matter). A lookup reads only the
-- rare words of the new text, so its cost is bounded whatever the number of matters.
-- The region is carried along so that a region scope filters on the index alone.
CREATE TABLE casefile_term (
    term        int         NOT NULL,
    petition_id bigint      NOT NULL,
    region_code varchar(12) NOT NULL,
    PRIMARY KEY (term, petition_id) INCLUDE (region_code)
);

-- Document frequency per word (inverse document frequency weights), counted after commit.
CREATE TABLE casefile_term_df (
    term int PRIMARY KEY,
    df   int NOT NULL
);
