-- Queue tables: every registration inserts a row and a batch deletes it a moment later, so they
-- hold a few dozen live rows among thousands of dead ones unless vacuumed often. The default
-- thresholds (20 % of a table's size) count on statistics that lag behind such churn; a dead row
-- is read by every lookup of the queue (the duplicate finder reads the newest queue rows on each
-- registration). Vacuum and analyse after a fixed number of changes instead.
ALTER TABLE casefile_index_queue SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000);
ALTER TABLE stats_dirty SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000,
    autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000);
