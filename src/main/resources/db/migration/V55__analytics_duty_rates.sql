-- Figures a leader can believe (docs/indicators.md).
-- 1. 及时受理率, 按期办结率 and 按期答复率 over the duties that fell due, not over the matters that happened
--    to be decided: a matter still open past its limit counts in the denominator. They are computed from
--    the duty counts already in the rollup (accept_due / not_accepted, handle_due / not_handled, defined
--    in supervision.Duties, now 办结 by the limit for the handling duty) plus the handling duties met by an
--    approved reply in time. The per-event on-time columns they replace are dropped.
-- 2. 化解积案 follows the backlog rule of supervision.Backlog (left the backlog, whichever way it entered),
--    counted on the day it left; a matter's contribution changes when a repeat is merged into it.

ALTER TABLE stats_matter
    DROP COLUMN accept_timed,
    DROP COLUMN accept_on_time,
    DROP COLUMN reply_timed,
    DROP COLUMN reply_on_time,
    DROP COLUMN close_timed,
    DROP COLUMN close_on_time,
    ADD COLUMN reply_in_time    boolean NOT NULL DEFAULT false,
    ADD COLUMN backlog_exit_day date;

ALTER TABLE stats_daily
    DROP COLUMN accept_timed, DROP COLUMN accept_on_time, DROP COLUMN reply_timed, DROP COLUMN reply_on_time,
    DROP COLUMN close_timed, DROP COLUMN close_on_time,
    ADD COLUMN handle_replied int NOT NULL DEFAULT 0, ADD COLUMN backlog_resolved int NOT NULL DEFAULT 0;
ALTER TABLE stats_monthly
    DROP COLUMN accept_timed, DROP COLUMN accept_on_time, DROP COLUMN reply_timed, DROP COLUMN reply_on_time,
    DROP COLUMN close_timed, DROP COLUMN close_on_time,
    ADD COLUMN handle_replied int NOT NULL DEFAULT 0, ADD COLUMN backlog_resolved int NOT NULL DEFAULT 0;
ALTER TABLE stats_daily_county
    DROP COLUMN accept_timed, DROP COLUMN accept_on_time, DROP COLUMN reply_timed, DROP COLUMN reply_on_time,
    DROP COLUMN close_timed, DROP COLUMN close_on_time,
    ADD COLUMN handle_replied int NOT NULL DEFAULT 0, ADD COLUMN backlog_resolved int NOT NULL DEFAULT 0;
ALTER TABLE stats_monthly_county
    DROP COLUMN accept_timed, DROP COLUMN accept_on_time, DROP COLUMN reply_timed, DROP COLUMN reply_on_time,
    DROP COLUMN close_timed, DROP COLUMN close_on_time,
    ADD COLUMN handle_replied int NOT NULL DEFAULT 0, ADD COLUMN backlog_resolved int NOT NULL DEFAULT 0;

-- 超期未办结 and 积案 by unit are listed under the unit that owes the current duty (the responsible unit,
-- else the registering 信访部门), as on the 督办看板: the index carries both.
DROP INDEX IF EXISTS petition_open_overdue_stats;
CREATE INDEX petition_open_overdue_stats ON petition (coalesce(handle_statutory, accept_statutory), region_code)
    INCLUDE (handle_statutory, responsible_unit_code, registering_unit_code)
    WHERE status NOT IN ('CLOSED', 'FINAL', 'MERGED', 'NOT_ACCEPTED', 'DIVERTED');

-- the repeats of a matter (积案 by repeat petitioning), read per matter by the rollup and for the 积案 figure
CREATE INDEX petition_duplicate_of ON petition (duplicate_of, received_at) WHERE duplicate_of IS NOT NULL;

-- a merged (or unmerged) repeat changes its original's contribution too
CREATE OR REPLACE FUNCTION stats_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO stats_dirty VALUES (OLD.id) ON CONFLICT DO NOTHING;
        IF OLD.duplicate_of IS NOT NULL AND (TG_OP = 'DELETE' OR OLD.duplicate_of IS DISTINCT FROM NEW.duplicate_of
                OR OLD.received_at IS DISTINCT FROM NEW.received_at) THEN
            INSERT INTO stats_dirty SELECT id FROM petition WHERE number = OLD.duplicate_of ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    INSERT INTO stats_dirty VALUES (NEW.id) ON CONFLICT DO NOTHING;
    IF NEW.duplicate_of IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.duplicate_of IS DISTINCT FROM NEW.duplicate_of
            OR OLD.received_at IS DISTINCT FROM NEW.received_at) THEN
        INSERT INTO stats_dirty SELECT id FROM petition WHERE number = NEW.duplicate_of ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END $$;

-- every definition above changed: recompute every matter
INSERT INTO stats_dirty SELECT id FROM petition ON CONFLICT DO NOTHING;
