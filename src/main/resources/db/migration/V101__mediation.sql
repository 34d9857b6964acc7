-- 矛盾纠纷多元化解 under 《中华人民共和国人民调解法》: the dispute register, the mediation
-- organisations (four kinds) with their rooms (调解室) and mediators, and each dispute's flow
-- 登记 → 分流 → 调解 → 达成协议 / 未达成 → 履行回访 → 结案.

CREATE TABLE dispute_type (
    code        varchar(24) PRIMARY KEY,
    name        varchar(32) NOT NULL UNIQUE,
    sort_order  int         NOT NULL DEFAULT 0,
    active      boolean     NOT NULL DEFAULT true
);
INSERT INTO dispute_type (code, name, sort_order) VALUES
('PROPERTY', '物业管理', 1), ('TRAFFIC', '交通事故', 2), ('LAND_CONTRACT', '土地承包', 3), ('MEDICAL', '医患', 4),
('HOUSING', '住房保障', 5), ('LABOR', '劳资', 6), ('FAMILY', '婚姻家庭', 7), ('NEIGHBOR', '邻里', 8),
('DEMOLITION', '征地拆迁', 9), ('OTHER', '其他', 99);

-- kind: PEOPLES 人民调解 (village/community and township committees), INDUSTRY 行业性专业性调解,
-- ADMINISTRATIVE 行政调解, JUDICIAL 司法调解 (court-linked).
CREATE TABLE mediation_org (
    id           bigserial    PRIMARY KEY,
    name         varchar(100) NOT NULL UNIQUE,
    kind         varchar(16)  NOT NULL CHECK (kind IN ('PEOPLES', 'INDUSTRY', 'ADMINISTRATIVE', 'JUDICIAL')),
    level        varchar(12)  NOT NULL CHECK (level IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')),
    region_code  varchar(12)  NOT NULL REFERENCES region (code),
    brand        varchar(32),
    dispute_types varchar(24)[] NOT NULL DEFAULT '{}',  -- the types an industry organisation takes
    version      int          NOT NULL DEFAULT 0
);
CREATE INDEX mediation_org_region ON mediation_org (region_code varchar_pattern_ops);

CREATE TABLE mediation_room (
    id        bigserial    PRIMARY KEY,
    org_id    bigint       NOT NULL REFERENCES mediation_org (id),
    name      varchar(100) NOT NULL,
    address   varchar(200),
    UNIQUE (org_id, name)
);

-- A mediator and, for a committee (人民调解委员会), its members (Art 8): the Art 14 conditions
-- are recorded as affirmed by whoever registered the mediator.
CREATE TABLE mediator (
    id                 bigserial    PRIMARY KEY,
    org_id             bigint       NOT NULL REFERENCES mediation_org (id),
    user_id            bigint       REFERENCES app_user (id),
    name               varchar(32)  NOT NULL,
    gender             varchar(1)   NOT NULL CHECK (gender IN ('F', 'M')),
    birth_date         date         NOT NULL,
    position           varchar(12)  NOT NULL CHECK (position IN ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'MEDIATOR')),
    fair_and_upright   boolean      NOT NULL,  -- 公道正派
    enthusiastic       boolean      NOT NULL,  -- 热心人民调解工作
    qualified          boolean      NOT NULL,  -- 一定文化水平、政策水平和法律知识
    education          varchar(16),
    public_lawyer      boolean      NOT NULL DEFAULT false, -- 公益律师
    active             boolean      NOT NULL DEFAULT true,
    UNIQUE (org_id, user_id)
);
CREATE INDEX mediator_user ON mediator (user_id);

-- 县级人民政府司法行政部门应当定期对人民调解员进行业务培训 (Art 14 para 2).
CREATE TABLE mediator_training (
    id          bigserial    PRIMARY KEY,
    mediator_id bigint       NOT NULL REFERENCES mediator (id),
    held_on     date         NOT NULL,
    topic       varchar(100) NOT NULL,
    hours       int          NOT NULL CHECK (hours > 0),
    organiser   varchar(100) NOT NULL
);

CREATE SEQUENCE dispute_number_seq;

CREATE TABLE dispute (
    id               bigserial    PRIMARY KEY,
    number           varchar(24)  NOT NULL UNIQUE,
    source           varchar(16)  NOT NULL CHECK (source IN ('GRID', 'APPLICATION', 'PETITION', 'HOTLINE', 'COURT')),
    type_code        varchar(24)  NOT NULL REFERENCES dispute_type (code),
    title            varchar(100) NOT NULL,
    facts            text         NOT NULL,
    region_code      varchar(12)  NOT NULL REFERENCES region (code),  -- the village (or township)
    grid_code        varchar(15)  REFERENCES grid (code),
    county_code      varchar(6)   NOT NULL,
    status           varchar(16)  NOT NULL,
    risk_level       varchar(8)   NOT NULL CHECK (risk_level IN ('RED', 'YELLOW', 'GREEN')),
    risk_owner       varchar(64)  NOT NULL,
    org_id           bigint       REFERENCES mediation_org (id),
    room_id          bigint       REFERENCES mediation_room (id),
    mediation_level  varchar(12)  CHECK (mediation_level IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')),
    lawyer_id        bigint       REFERENCES mediator (id),
    reported_by      bigint       NOT NULL REFERENCES app_user (id),
    registered_on    date         NOT NULL,
    registered_at    timestamptz  NOT NULL,
    outcome          varchar(8)   CHECK (outcome IN ('AGREED', 'FAILED')),
    outcome_on       date,
    closed_on        date,
    petition_number  varchar(32),
    version          int          NOT NULL DEFAULT 0
);
CREATE INDEX dispute_region ON dispute (region_code varchar_pattern_ops);
CREATE INDEX dispute_org ON dispute (org_id);
CREATE INDEX dispute_reporter ON dispute (reported_by);
CREATE INDEX dispute_grid ON dispute (grid_code);
-- the figures: per county and period
CREATE INDEX dispute_county_day ON dispute (county_code, registered_on) INCLUDE (region_code, org_id, type_code, outcome, outcome_on);
CREATE INDEX dispute_county_outcome ON dispute (county_code, outcome_on) INCLUDE (region_code, org_id, type_code, outcome, registered_on);

CREATE TABLE dispute_party (
    dispute_id      bigint      NOT NULL REFERENCES dispute (id) ON DELETE CASCADE,
    seq             int         NOT NULL,
    side            varchar(12) NOT NULL CHECK (side IN ('APPLICANT', 'RESPONDENT')),
    name            varchar(64) NOT NULL,
    id_number_enc   bytea,
    id_number_index varchar(64),
    id_number_mask  varchar(32),
    phone_enc       bytea,
    phone_index     varchar(64),
    phone_mask      varchar(32),
    address_enc     bytea,
    PRIMARY KEY (dispute_id, seq)
);
CREATE INDEX dispute_party_id_index ON dispute_party (id_number_index);

-- Risk level history: 红 (a township leader owns it, with a plan), 黄 (a named cadre), 绿 (the grid worker).
CREATE TABLE dispute_risk (
    id          bigserial   PRIMARY KEY,
    dispute_id  bigint      NOT NULL REFERENCES dispute (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    level       varchar(8)  NOT NULL,
    owner       varchar(64) NOT NULL,
    plan        text,
    reason      varchar(500),
    actor       varchar(64) NOT NULL
);
CREATE INDEX dispute_risk_dispute ON dispute_risk (dispute_id, at);

-- Every step: the timeline (and the archive, Art 27).
CREATE TABLE dispute_event (
    id          bigserial   PRIMARY KEY,
    dispute_id  bigint      NOT NULL REFERENCES dispute (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    actor       varchar(64) NOT NULL,
    actor_name  varchar(64) NOT NULL,
    action      varchar(24) NOT NULL,
    from_status varchar(16),
    to_status   varchar(16) NOT NULL,
    note        text
);
CREATE INDEX dispute_event_dispute ON dispute_event (dispute_id, at);

-- 调解 sessions with their record (笔录; Art 27: 人民调解员应当记录调解情况).
CREATE TABLE mediation_session (
    id          bigserial   PRIMARY KEY,
    dispute_id  bigint      NOT NULL REFERENCES dispute (id) ON DELETE CASCADE,
    held_on     date        NOT NULL,
    room_id     bigint      REFERENCES mediation_room (id),
    mediator    varchar(64) NOT NULL,
    attendees   varchar(300),
    record      text        NOT NULL,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX mediation_session_dispute ON mediation_session (dispute_id);

-- The agreement: written (调解协议书, Art 29) or oral (Art 28, its content recorded by the mediator).
CREATE TABLE mediation_agreement (
    dispute_id        bigint       PRIMARY KEY REFERENCES dispute (id) ON DELETE CASCADE,
    form              varchar(8)   NOT NULL CHECK (form IN ('WRITTEN', 'ORAL')),
    facts             text,        -- 纠纷的主要事实、争议事项
    responsibilities  text,        -- 各方当事人的责任
    terms             text         NOT NULL, -- 达成调解协议的内容
    performance       text,        -- 履行的方式
    perform_by        date,        -- 履行的期限
    effective_on      date         NOT NULL,
    mediator          varchar(64)  NOT NULL,
    org_name          varchar(100) NOT NULL,
    document_number   varchar(40),
    performed         boolean,     -- 履行回访
    follow_up_note    text,
    follow_up_on      date
);
