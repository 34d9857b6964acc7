-- The working-day calendar and the named time-limit policies (module com.xinfang.calendar).
-- The holiday rows themselves are loaded from calendar/cn-holidays.csv by the repeatable Java
-- migration "calendar seed" (com.xinfang.calendar.internal.CalendarSeedMigration), year by year.

-- Days that differ from the plain week: a HOLIDAY is a day off of a statutory holiday period
-- (weekend days inside the period included), a WORKDAY is a 调休 make-up working day on a Saturday
-- or Sunday. Every other day is a working day Monday to Friday and a rest day on the weekend.
CREATE TABLE calendar_day (
    day        date        PRIMARY KEY,
    kind       varchar(8)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name       varchar(40) NOT NULL,
    source     varchar(8)  NOT NULL DEFAULT 'ADMIN' CHECK (source IN ('SEED', 'ADMIN')),
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by varchar(64)
);

-- Years the seed has loaded. A year is loaded at most once, and only when the table has no row
-- for it yet, so an administrator's additions, changes and deletions are never undone.
CREATE TABLE calendar_seeded_year (
    year      int          PRIMARY KEY,
    source    varchar(120) NOT NULL,
    rows      int          NOT NULL,
    seeded_at timestamptz  NOT NULL DEFAULT now()
);

-- Bumped in the same transaction as every change to calendar_day or time_limit_rule; each node
-- compares it with the revision of its in-memory copy and reloads when it moved.
CREATE TABLE calendar_revision (
    id       int    PRIMARY KEY CHECK (id = 1),
    revision bigint NOT NULL
);
INSERT INTO calendar_revision (id, revision) VALUES (1, 1);

-- A named set of time limits: the law, or a local target such as Changde's "3530".
CREATE TABLE time_limit_policy (
    code        varchar(32)  PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name        varchar(64)  NOT NULL,
    description varchar(500) NOT NULL,
    sort_order  int          NOT NULL DEFAULT 0
);

-- One limit of one policy, for matters of one complexity (ANY = whatever the complexity).
-- A policy that has no rule for a limit keeps the statutory one.
CREATE TABLE time_limit_rule (
    policy     varchar(32)  NOT NULL REFERENCES time_limit_policy (code),
    time_limit varchar(32)  NOT NULL CHECK (time_limit IN ('TRANSFER', 'ACCEPT_NOTICE', 'OBJECTION', 'HANDLE',
        'EXTENSION_MAX', 'REEXAMINATION_REQUEST', 'REEXAMINATION_DECISION', 'REVIEW_REQUEST', 'REVIEW_DECISION')),
    complexity varchar(8)   NOT NULL CHECK (complexity IN ('ANY', 'SIMPLE', 'COMPLEX')),
    days       int          NOT NULL CHECK (days BETWEEN 1 AND 365),
    unit       varchar(16)  NOT NULL CHECK (unit IN ('CALENDAR_DAYS', 'WORKING_DAYS')),
    basis      varchar(200) NOT NULL,
    updated_at timestamptz  NOT NULL DEFAULT now(),
    updated_by varchar(64),
    PRIMARY KEY (policy, time_limit, complexity)
);

INSERT INTO time_limit_policy (code, name, description, sort_order) VALUES
('STATUTORY', '法定时限', '《信访工作条例》（2022年5月1日起施行）规定的期限。', 1),
('CHANGDE_3530', '常德“3530”', '常德市“3530”工作法：简易事项3日内受理，复杂事项5日内受理，原则上30日内办结。未规定的环节沿用法定时限。', 2);

-- The law: 《信访工作条例》 (2022). "日" are calendar days, except where the article says 工作日.
INSERT INTO time_limit_rule (policy, time_limit, complexity, days, unit, basis) VALUES
('STATUTORY', 'TRANSFER',               'ANY', 15, 'CALENDAR_DAYS', '《信访工作条例》第二十二条第一款：信访部门收到信访事项，在15日内转送、交办'),
('STATUTORY', 'ACCEPT_NOTICE',          'ANY', 15, 'CALENDAR_DAYS', '《信访工作条例》第二十三条：收到之日起15日内书面告知信访人'),
('STATUTORY', 'OBJECTION',              'ANY',  5, 'WORKING_DAYS',  '《信访工作条例》第二十三条第三款：不属于职权范围的，收到之日起5个工作日内提出异议'),
('STATUTORY', 'HANDLE',                 'ANY', 60, 'CALENDAR_DAYS', '《信访工作条例》第三十四条：自受理之日起60日内办结'),
('STATUTORY', 'EXTENSION_MAX',          'ANY', 30, 'CALENDAR_DAYS', '《信访工作条例》第三十四条：延长期限不得超过30日'),
('STATUTORY', 'REEXAMINATION_REQUEST',  'ANY', 30, 'CALENDAR_DAYS', '《信访工作条例》第三十五条：收到书面答复之日起30日内请求复查'),
('STATUTORY', 'REEXAMINATION_DECISION', 'ANY', 30, 'CALENDAR_DAYS', '《信访工作条例》第三十五条：收到复查请求之日起30日内提出复查意见'),
('STATUTORY', 'REVIEW_REQUEST',         'ANY', 30, 'CALENDAR_DAYS', '《信访工作条例》第三十六条：收到书面答复之日起30日内请求复核'),
('STATUTORY', 'REVIEW_DECISION',        'ANY', 30, 'CALENDAR_DAYS', '《信访工作条例》第三十六条：收到复核请求之日起30日内提出复核意见（听证时间不计入）');

-- Changde's 3530: accept a simple matter within 3 days and a complex one within 5, handle within 30.
INSERT INTO time_limit_rule (policy, time_limit, complexity, days, unit, basis) VALUES
('CHANGDE_3530', 'ACCEPT_NOTICE', 'SIMPLE',   3, 'CALENDAR_DAYS', '常德“3530”工作法：简易事项3日内受理'),
('CHANGDE_3530', 'ACCEPT_NOTICE', 'COMPLEX',  5, 'CALENDAR_DAYS', '常德“3530”工作法：复杂事项5日内受理'),
('CHANGDE_3530', 'HANDLE',        'ANY',     30, 'CALENDAR_DAYS', '常德“3530”工作法：原则上30日内办结');
