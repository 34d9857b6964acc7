-- A step of a matter's history changes its figures even when its row does not change: the duties read
-- the first 受理/不予受理/导入法定途径 and the approved 处理意见书 from the history (accountability.Duties.HISTORY).
-- Without this mark a step written without a row update (a replayed hand-over, another module's entry)
-- left the dashboard's rollup behind the live duty counts (IndicatorDefinitionsIT, one in three full runs).
CREATE FUNCTION stats_mark_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO stats_dirty VALUES (NEW.petition_id) ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER petition_history_stats_dirty AFTER INSERT ON petition_history
    FOR EACH ROW EXECUTE FUNCTION stats_mark_history();

-- fold every matter once more, in the background batches, so counts made before this mark agree
INSERT INTO stats_dirty SELECT id FROM petition ON CONFLICT DO NOTHING;
