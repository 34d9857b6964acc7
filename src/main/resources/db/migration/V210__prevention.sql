-- 源头治理 (module prevention): key persons under 包案, the 无上访村(社区) rating, and the
-- 社会稳定风险评估 of major decisions.

-- 重点人员 under 包案: case ownership, not surveillance (no location of any kind is stored).
CREATE TABLE key_person (
    id               bigserial PRIMARY KEY,
    county_code      varchar(6)   NOT NULL REFERENCES region (code),
    name             varchar(40)  NOT NULL,
    id_number_enc    bytea,
    id_number_index  varchar(64),
    id_number_mask   varchar(32),
    basis            varchar(24)  NOT NULL,          -- REPEATED_PETITIONS, RED_DISPUTE
    basis_refs       varchar(400) NOT NULL,          -- the petition numbers or the dispute number it rests on
    reason           varchar(2000) NOT NULL,
    leader_id        bigint       NOT NULL REFERENCES app_user (id),   -- 包案领导 (包化解)
    grid_worker_id   bigint       NOT NULL REFERENCES app_user (id),   -- 网格员 (包稳控)
    follow_up_days   int          NOT NULL CHECK (follow_up_days BETWEEN 1 AND 90),
    review_on        date         NOT NULL,          -- the entry lapses after this day unless renewed
    removed_on       date,
    removed_reason   varchar(500),
    added_by         bigint       NOT NULL REFERENCES app_user (id),
    added_at         timestamptz  NOT NULL,
    version          int          NOT NULL DEFAULT 0
);
CREATE INDEX key_person_county ON key_person (county_code);
CREATE INDEX key_person_worker ON key_person (grid_worker_id);
CREATE INDEX key_person_leader ON key_person (leader_id);

CREATE TABLE key_person_visit (
    id             bigserial PRIMARY KEY,
    key_person_id  bigint       NOT NULL REFERENCES key_person (id),
    visited_on     date         NOT NULL,
    visitor        varchar(64)  NOT NULL,
    note           varchar(2000) NOT NULL,
    recorded_at    timestamptz  NOT NULL
);
CREATE INDEX key_person_visit_person ON key_person_visit (key_person_id, visited_on);

CREATE TABLE key_person_event (
    id             bigserial PRIMARY KEY,
    key_person_id  bigint       NOT NULL REFERENCES key_person (id),
    at             timestamptz  NOT NULL,
    actor_name     varchar(64)  NOT NULL,
    action         varchar(24)  NOT NULL,
    note           varchar(2000)
);

-- 无上访村(社区): the indicators (configurable: thresholds, veto items, on/off) ...
CREATE TABLE village_indicator (
    code        varchar(32)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    veto        boolean      NOT NULL,     -- 一票否决: failing it fails the rating whatever else
    comparison  varchar(4)   NOT NULL,     -- MAX (value <= threshold) or MIN (value >= threshold)
    threshold   numeric(9,4) NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    sort_order  int          NOT NULL DEFAULT 0
);
INSERT INTO village_indicator (code, name, veto, comparison, threshold, sort_order) VALUES
    ('BEYOND_LEVEL', '越级访、进京访（件）', true, 'MAX', 0, 1),
    ('OPEN_RED_DISPUTES', '未化解的红色（高风险）矛盾纠纷（件）', true, 'MAX', 0, 2),
    ('OVERDUE_REPEATS', '超期未办结的重复信访（件）', true, 'MAX', 0, 3),
    ('REPORTING_RATE', '网格排查报告率（含零报告）', false, 'MIN', 0.95, 4),
    ('MEDIATION_SUCCESS_RATE', '调解成功率', false, 'MIN', 0.95, 5),
    ('PETITIONS_PER_THOUSAND', '每千户信访事项（件）', false, 'MAX', 5, 6);

-- ... and the ratings: one per village and year (the first grants the title, later ones are the annual review)
CREATE TABLE village_rating (
    id              bigserial PRIMARY KEY,
    village_code    varchar(12)  NOT NULL REFERENCES region (code),
    year            int          NOT NULL,
    kind            varchar(12)  NOT NULL,          -- GRANT, REVIEW (annual review of a title held)
    status          varchar(20)  NOT NULL,          -- SELF_ASSESSED, TOWNSHIP_REVIEWED, APPROVED, REJECTED
    eligible        boolean      NOT NULL,          -- as computed at self-assessment
    figures         text         NOT NULL,          -- the computed lines, as shown then
    self_by         bigint       NOT NULL REFERENCES app_user (id),
    self_note       varchar(2000),
    self_at         timestamptz  NOT NULL,
    township_by     bigint REFERENCES app_user (id),
    township_note   varchar(2000),
    township_at     timestamptz,
    county_by       bigint REFERENCES app_user (id),
    county_note     varchar(2000),
    county_at       timestamptz,
    title_until     date,                           -- set on approval: two years from the approval
    version         int          NOT NULL DEFAULT 0,
    UNIQUE (village_code, year)
);

-- 社会稳定风险评估: major decisions, their assessment (the 前置程序), and the matters linked back to them
CREATE TABLE major_decision (
    id              bigserial PRIMARY KEY,
    region_code     varchar(12)  NOT NULL REFERENCES region (code),
    title           varchar(200) NOT NULL,
    kind            varchar(16)  NOT NULL,          -- PROJECT, POLICY, LAND (征地拆迁), OTHER
    deciding_body   varchar(100) NOT NULL,
    summary         varchar(4000) NOT NULL,
    status          varchar(16)  NOT NULL,          -- REGISTERED, ASSESSED, TAKEN, WITHDRAWN
    taken_on        date,
    taken_note      varchar(2000),
    registered_by   bigint       NOT NULL REFERENCES app_user (id),
    registered_at   timestamptz  NOT NULL,
    version         int          NOT NULL DEFAULT 0
);
CREATE INDEX major_decision_region ON major_decision (region_code);

CREATE TABLE stability_assessment (
    id              bigserial PRIMARY KEY,
    decision_id     bigint       NOT NULL REFERENCES major_decision (id),
    assessor        varchar(100) NOT NULL,          -- 评估主体
    method          varchar(1000) NOT NULL,         -- 问卷、座谈、听证、专家论证 …
    measures        varchar(4000) NOT NULL,
    conclusion      varchar(12)  NOT NULL,          -- GO (可实施), DEFER (暂缓实施), STOP (不实施)
    completed_on    date         NOT NULL,
    recorded_by     bigint       NOT NULL REFERENCES app_user (id),
    recorded_at     timestamptz  NOT NULL
);
CREATE INDEX stability_assessment_decision ON stability_assessment (decision_id, id);

CREATE TABLE stability_risk (
    id              bigserial PRIMARY KEY,
    assessment_id   bigint       NOT NULL REFERENCES stability_assessment (id),
    description     varchar(1000) NOT NULL,
    level           varchar(8)   NOT NULL           -- HIGH, MEDIUM, LOW
);

CREATE TABLE decision_link (
    id              bigserial PRIMARY KEY,
    decision_id     bigint       NOT NULL REFERENCES major_decision (id),
    matter_kind     varchar(12)  NOT NULL,          -- PETITION, DISPUTE
    matter_number   varchar(40)  NOT NULL,
    linked_by       bigint       NOT NULL REFERENCES app_user (id),
    linked_at       timestamptz  NOT NULL,
    UNIQUE (decision_id, matter_kind, matter_number)
);
