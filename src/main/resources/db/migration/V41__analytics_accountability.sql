-- 应受理而不受理 / 应办理而不办理 (definitions: supervision.AccountabilityRates, docs/supervision.md) in the
-- rollup, counted on the day the duty fell due, so the dashboard answers them as fast as the rest.

ALTER TABLE stats_matter
    ADD COLUMN accept_unit    varchar(32) NOT NULL DEFAULT '',  -- who had to decide: responsible, else registering unit
    ADD COLUMN accept_due_day date,
    ADD COLUMN accept_failed  boolean     NOT NULL DEFAULT false,
    ADD COLUMN handle_due_day date,
    ADD COLUMN handle_failed  boolean     NOT NULL DEFAULT false;

ALTER TABLE stats_daily
    ADD COLUMN accept_due   int NOT NULL DEFAULT 0,
    ADD COLUMN not_accepted int NOT NULL DEFAULT 0,
    ADD COLUMN handle_due   int NOT NULL DEFAULT 0,
    ADD COLUMN not_handled  int NOT NULL DEFAULT 0;

ALTER TABLE stats_monthly
    ADD COLUMN accept_due   int NOT NULL DEFAULT 0,
    ADD COLUMN not_accepted int NOT NULL DEFAULT 0,
    ADD COLUMN handle_due   int NOT NULL DEFAULT 0,
    ADD COLUMN not_handled  int NOT NULL DEFAULT 0;

-- A finding recorded by the 信访部门 changes the matter's figures.
CREATE FUNCTION stats_mark_finding() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO stats_dirty VALUES (OLD.petition_id) ON CONFLICT DO NOTHING;
        RETURN OLD;
    END IF;
    INSERT INTO stats_dirty VALUES (NEW.petition_id) ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER accountability_finding_stats_dirty AFTER INSERT OR UPDATE OR DELETE ON accountability_finding
    FOR EACH ROW EXECUTE FUNCTION stats_mark_finding();

INSERT INTO stats_dirty SELECT id FROM petition ON CONFLICT DO NOTHING;
