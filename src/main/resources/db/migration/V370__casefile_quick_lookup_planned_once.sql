-- Issue 11: the registration's quick duplicate lookup was planned again on every call (0.2 ms of
-- PostgreSQL per registration, as much as a third of its execution): its cost estimate varies with
-- the number of words looked up, so the plan cache kept choosing a custom plan. Every plan is the
-- same (per word, the newest index rows of the region; then the matters sharing the most weight),
-- so the lookup is a function whose statement is planned once per connection, generically.
CREATE FUNCTION casefile_quick_candidates(p_terms int[], p_weights float8[], p_region_like text,
        p_per_word bigint, p_limit int)
    RETURNS TABLE (petition_id bigint)
    LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
    RETURN QUERY
        SELECT t.id
        FROM unnest(p_terms, p_weights) AS q(term, w)
        CROSS JOIN LATERAL (
            SELECT c.petition_id AS id FROM casefile_term c
            WHERE c.term = q.term AND c.region_code LIKE p_region_like
            ORDER BY c.petition_id DESC LIMIT p_per_word) t
        GROUP BY t.id
        ORDER BY sum(q.w) DESC, t.id DESC
        LIMIT p_limit;
END
$$;

-- The duplicate finder's overlap of a queued matter's words with the words looked up (Duplicates,
-- the newest queue rows on every registration): intarray's operator for int[] merges two sorted
-- arrays, where PostgreSQL's own for any array compares every pair of elements through a function
-- call (0.95 against 0.25 ms for 150 rows of 40 words against 24, 2026-12-08). Once installed it is
-- the operator int[] && int[] resolves to; no other query compares integer arrays, and no index is
-- built on one (an index on int[] with the default operator class would no longer serve &&).
-- A trusted extension, as pg_trgm (V30): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS intarray;

-- Autovacuum's ANALYZE reads every column it keeps statistics for; on a young, fast-growing
-- database (the demo, a new city) it runs every few thousand registrations. These columns are never
-- a condition of a query (the matter's hashed words are compared in Java; the classifier's training
-- rows are read whole), so their statistics were work without a reader: about a third of the
-- time of analysing the two tables (measured on 20 000 matters, 2026-12-08).
ALTER TABLE casefile_doc ALTER COLUMN terms SET STATISTICS 0, ALTER COLUMN entities SET STATISTICS 0;
ALTER TABLE casefile_index_queue ALTER COLUMN terms SET STATISTICS 0, ALTER COLUMN entities SET STATISTICS 0,
    ALTER COLUMN words SET STATISTICS 0;
ALTER TABLE classification_feedback ALTER COLUMN title SET STATISTICS 0, ALTER COLUMN content SET STATISTICS 0;
