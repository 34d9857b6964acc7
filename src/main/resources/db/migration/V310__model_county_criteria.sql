-- 信访工作示范县(市区) 创建进展 (module prevention): the criteria a county's progress is measured
-- against, configurable like village_indicator (on/off, threshold, MAX value <= threshold or MIN
-- value >= threshold, one-vote-veto). Each value is computed from the data; definitions in
-- docs/indicators.md, 信访工作示范县创建进展.
CREATE TABLE model_county_criterion (
    code        varchar(32)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    veto        boolean      NOT NULL,     -- 一票否决: failing it fails the county whatever else
    comparison  varchar(4)   NOT NULL CHECK (comparison IN ('MAX', 'MIN')),
    threshold   numeric(9,4) NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    sort_order  int          NOT NULL DEFAULT 0
);
INSERT INTO model_county_criterion (code, name, veto, comparison, threshold, sort_order) VALUES
    ('TO_BEIJING', '进京访（件）', true, 'MAX', 0, 1),
    ('OVERDUE_REPEATS', '超期未办结的重复信访（件）', true, 'MAX', 0, 2),
    ('BEYOND_LEVEL', '越级访、进京访合计（件）', false, 'MAX', 10, 3),
    ('OPEN_RED_DISPUTES', '未化解的红色（高风险）矛盾纠纷（件）', false, 'MAX', 0, 4),
    ('TITLE_RATE', '持有“无上访村（社区）”称号的村（社区）占比', false, 'MIN', 0.6, 5),
    ('VETOED_VILLAGES', '有一票否决项未达标的村（社区）（个）', false, 'MAX', 0, 6),
    ('MEDIATION_SUCCESS_RATE', '调解成功率', false, 'MIN', 0.95, 7),
    ('REPORTING_RATE', '网格排查报告率（含零报告）', false, 'MIN', 0.95, 8);
