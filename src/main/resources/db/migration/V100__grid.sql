-- 网格化: the region tree continues below the village or community with grids (网格), each with
-- its 网格长 and 网格员 (staff accounts with the GRID_WORKER role), households and an optional
-- GeoJSON boundary; grid workers keep a patrol log (走访/巡查) and file the 零报告.

-- Township governments and the county 矛调中心 (社会矛盾纠纷调处化解中心) of the demo townships:
-- grid workers, mediators and centre staff belong to them.
INSERT INTO unit (code, name, kind, region_code, parent_code, sort_order) VALUES
('WL-CZH', '武陵区穿紫河街道办事处', 'GOVERNMENT', '430702001', NULL, 100),
('DC-GX', '鼎城区灌溪镇人民政府', 'GOVERNMENT', '430703003', NULL, 101),
('TY-ZJ', '桃源县漳江街道办事处', 'GOVERNMENT', '430725001', NULL, 102),
('WL-MTZX', '武陵区社会矛盾纠纷调处化解中心', 'GOVERNMENT', '430702', NULL, 103),
('DC-MTZX', '鼎城区社会矛盾纠纷调处化解中心', 'GOVERNMENT', '430703', NULL, 104),
('TY-MTZX', '桃源县社会矛盾纠纷调处化解中心', 'GOVERNMENT', '430725', NULL, 105);

CREATE TABLE grid (
    code          varchar(15)  PRIMARY KEY,               -- the village's 12-digit code + 3 digits
    name          varchar(64)  NOT NULL,
    village_code  varchar(12)  NOT NULL REFERENCES region (code),
    households    int          NOT NULL CHECK (households >= 0),
    boundary      jsonb,                                  -- GeoJSON Polygon, optional
    version       int          NOT NULL DEFAULT 0
);
CREATE INDEX grid_village ON grid (village_code varchar_pattern_ops);

CREATE TABLE grid_member (
    grid_code  varchar(15) NOT NULL REFERENCES grid (code),
    user_id    bigint      NOT NULL REFERENCES app_user (id),
    duty       varchar(8)  NOT NULL CHECK (duty IN ('HEAD', 'MEMBER')),          -- 网格长 / 网格员
    status     varchar(12) NOT NULL CHECK (status IN ('ON_DUTY', 'SECONDED', 'LEAVE')), -- 在岗 / 临时抽调 / 休假
    since      date        NOT NULL,
    version    int         NOT NULL DEFAULT 0,
    PRIMARY KEY (grid_code, user_id)
);
CREATE INDEX grid_member_user ON grid_member (user_id);
-- one 网格长 per grid
CREATE UNIQUE INDEX grid_one_head ON grid_member (grid_code) WHERE duty = 'HEAD';

-- A patrol (走访/巡查) or a 零报告 (zero_report: nothing found) by one worker in one grid on one day.
CREATE TABLE grid_patrol (
    id                 bigserial    PRIMARY KEY,
    grid_code          varchar(15)  NOT NULL REFERENCES grid (code),
    user_id            bigint       NOT NULL REFERENCES app_user (id),
    day                date         NOT NULL,
    zero_report        boolean      NOT NULL,
    households_visited int          NOT NULL DEFAULT 0 CHECK (households_visited >= 0),
    disputes_found     int          NOT NULL DEFAULT 0 CHECK (disputes_found >= 0),
    demands_found      int          NOT NULL DEFAULT 0 CHECK (demands_found >= 0),
    hazards_found      int          NOT NULL DEFAULT 0 CHECK (hazards_found >= 0),
    note               varchar(1000),
    recorded_at        timestamptz  NOT NULL,
    CHECK (NOT zero_report OR (disputes_found = 0 AND demands_found = 0 AND hazards_found = 0))
);
CREATE INDEX grid_patrol_day ON grid_patrol (grid_code, day);
-- at most one 零报告 per worker, grid and day (two nodes or a double tap cannot file two)
CREATE UNIQUE INDEX grid_patrol_one_zero ON grid_patrol (grid_code, user_id, day) WHERE zero_report;

-- Grids of every village and community of the demo counties (武陵区, 鼎城区, 桃源县): one grid per
-- village, a second one for communities (they are denser).
INSERT INTO grid (code, name, village_code, households)
SELECT r.code || '001', r.name || '第一网格', r.code, 180 + (substr(r.code, 10, 3)::int * 37) % 150
FROM region r WHERE r.level = 'VILLAGE' AND substr(r.code, 1, 6) IN ('430702', '430703', '430725');
INSERT INTO grid (code, name, village_code, households)
SELECT r.code || '002', r.name || '第二网格', r.code, 150 + (substr(r.code, 10, 3)::int * 53) % 120
FROM region r WHERE r.level = 'VILLAGE' AND r.name LIKE '%社区' AND substr(r.code, 1, 6) IN ('430702', '430703', '430725');
-- one boundary to show the shape (紫桥社区第一网格), as a GeoJSON polygon around 常德 city centre
UPDATE grid SET boundary = '{"type":"Polygon","coordinates":[[[111.690,29.040],[111.699,29.040],[111.699,29.046],[111.690,29.046],[111.690,29.040]]]}'
WHERE code = '430702001001001';
