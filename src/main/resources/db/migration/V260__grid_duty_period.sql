-- The history of a grid worker's status in a grid (在岗 / 临时抽调 / 休假), one row per period: from_day to
-- to_day inclusive, to_day NULL while the period lasts. The reporting rate owes a report only for the days a
-- worker was 在岗 (ON_DUTY) in the grid (docs/indicators.md, 网格排查报告率). A status changed on a day holds for
-- that whole day (a second change the same day replaces the first).
CREATE TABLE grid_duty_period (
    grid_code  varchar(15) NOT NULL,
    user_id    bigint      NOT NULL,
    status     varchar(12) NOT NULL CHECK (status IN ('ON_DUTY', 'SECONDED', 'LEAVE')),
    from_day   date        NOT NULL,
    to_day     date,
    PRIMARY KEY (grid_code, user_id, from_day),
    FOREIGN KEY (grid_code, user_id) REFERENCES grid_member (grid_code, user_id),
    CHECK (to_day IS NULL OR to_day >= from_day)
);
-- at most one open period per worker and grid
CREATE UNIQUE INDEX grid_duty_period_open ON grid_duty_period (grid_code, user_id) WHERE to_day IS NULL;

-- Workers already in a grid: what is known is their current status since the day it was last set.
INSERT INTO grid_duty_period (grid_code, user_id, status, from_day, to_day)
SELECT grid_code, user_id, status, since, NULL FROM grid_member;
