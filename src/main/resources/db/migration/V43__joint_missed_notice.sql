-- When a called-in unit misses its report-in deadline the lead unit is told once; the stamp makes
-- the notice happen exactly once even with several nodes sweeping.
ALTER TABLE joint_participant ADD COLUMN missed_noticed_at timestamptz;
