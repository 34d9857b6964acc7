-- 无上访村 figures at city scale (bench/villages.sh): the reporting rate counts, per worker and grid, the distinct
-- days with a patrol or a 零报告 inside each 在岗 period; with (grid_code, user_id, day) that count is an index-only
-- range scan instead of fetching every patrol of the grid from the heap and filtering by worker.
CREATE INDEX grid_patrol_worker_day ON grid_patrol (grid_code, user_id, day);
-- the veto item "red disputes not closed": a handful of rows, found without reading the place's other disputes
CREATE INDEX dispute_open_red ON dispute (region_code varchar_pattern_ops) WHERE risk_level = 'RED' AND status <> 'CLOSED';
