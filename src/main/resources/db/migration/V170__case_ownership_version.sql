-- Issue 12 item 5: a 包案 assignment is changed only against the version it was read at, so of two
-- supervisors assigning at once one wins and the other is told (409) instead of overwriting it.
ALTER TABLE case_ownership ADD COLUMN version integer NOT NULL DEFAULT 0;
