-- 及时受理率, 按期办结率 and 按期答复率 over the duties that fell due (docs/indicators.md), not over the
-- matters that happened to be decided: a matter still open past its limit now counts in the denominator.
-- The rates are computed from the duty counts already in the rollup (accept_due / not_accepted,
-- handle_due / not_handled, definitions in supervision.Duties) plus one new count, the handling duties
-- met by an approved reply in time. The per-event on-time columns they replace are dropped.

ALTER TABLE stats_matter
    DROP COLUMN accept_timed,
    DROP COLUMN accept_on_time,
    DROP COLUMN reply_timed,
    DROP COLUMN reply_on_time,
    ADD COLUMN reply_in_time boolean NOT NULL DEFAULT false;

ALTER TABLE stats_daily
    DROP COLUMN accept_timed, DROP COLUMN accept_on_time, DROP COLUMN reply_timed, DROP COLUMN reply_on_time,
    ADD COLUMN handle_replied int NOT NULL DEFAULT 0;
ALTER TABLE stats_monthly
    DROP COLUMN accept_timed, DROP COLUMN accept_on_time, DROP COLUMN reply_timed, DROP COLUMN reply_on_time,
    ADD COLUMN handle_replied int NOT NULL DEFAULT 0;
ALTER TABLE stats_daily_county
    DROP COLUMN accept_timed, DROP COLUMN accept_on_time, DROP COLUMN reply_timed, DROP COLUMN reply_on_time,
    ADD COLUMN handle_replied int NOT NULL DEFAULT 0;
ALTER TABLE stats_monthly_county
    DROP COLUMN accept_timed, DROP COLUMN accept_on_time, DROP COLUMN reply_timed, DROP COLUMN reply_on_time,
    ADD COLUMN handle_replied int NOT NULL DEFAULT 0;

-- 超期未办结 by unit is listed under the unit that owes the current duty (the responsible unit, else the
-- registering 信访部门), as on the 督办看板: the index carries both.
DROP INDEX IF EXISTS petition_open_overdue_stats;
CREATE INDEX petition_open_overdue_stats ON petition (coalesce(handle_statutory, accept_statutory), region_code)
    INCLUDE (handle_statutory, responsible_unit_code, registering_unit_code)
    WHERE status NOT IN ('CLOSED', 'FINAL', 'MERGED', 'NOT_ACCEPTED', 'DIVERTED');

-- the handling duty's meaning changed (办结, not a reply, by the limit): recompute every matter
INSERT INTO stats_dirty SELECT id FROM petition ON CONFLICT DO NOTHING;
