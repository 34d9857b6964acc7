-- 信访吹哨、部门报到: a matter handled jointly. The lead unit stays responsible; the called-in units
-- report in (报到), take a part and record their contribution; the lead unit gives one combined reply.
-- The called-in units see the matter through petition.joint_units (one indexed array, so the
-- department's data scope stays a single indexed condition).
ALTER TABLE petition ADD COLUMN joint_units text[] NOT NULL DEFAULT '{}';
CREATE INDEX petition_unit_scope ON petition USING gin ((ARRAY[responsible_unit_code::text] || joint_units));

CREATE TABLE joint_handling (
    petition_id     bigint PRIMARY KEY REFERENCES petition (id) ON DELETE CASCADE,
    lead_unit_code  varchar(32)  NOT NULL REFERENCES unit (code),
    reason          text         NOT NULL,
    report_due      date         NOT NULL,
    called_at       timestamptz  NOT NULL,
    called_by       varchar(64)  NOT NULL,
    combined_reply  text,
    replied_at      timestamptz,
    replied_by      varchar(64)
);

CREATE TABLE joint_participant (
    petition_id     bigint      NOT NULL REFERENCES joint_handling (petition_id) ON DELETE CASCADE,
    unit_code       varchar(32) NOT NULL REFERENCES unit (code),
    reported_at     timestamptz,
    reported_by     varchar(64),
    part            text,
    contribution    text,
    contributed_at  timestamptz,
    contributed_by  varchar(64),
    PRIMARY KEY (petition_id, unit_code)
);
CREATE INDEX joint_participant_unit ON joint_participant (unit_code);

-- The bureau's finding that a unit should have accepted (应受理而不受理) or handled (应办理而不办理)
-- a matter; together with the missed time limits it makes the two rates of the annual report.
CREATE TABLE accountability_finding (
    id          bigserial PRIMARY KEY,
    petition_id bigint       NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    kind        varchar(24)  NOT NULL,  -- SHOULD_HAVE_ACCEPTED, SHOULD_HAVE_HANDLED
    unit_code   varchar(32)  NOT NULL REFERENCES unit (code),
    reason      text         NOT NULL,
    found_at    timestamptz  NOT NULL,
    found_by    varchar(64)  NOT NULL,
    UNIQUE (petition_id, kind)
);

-- 领导接访日: a leader receives petitioners on a scheduled day; each visit received is linked to matters.
CREATE TABLE reception_day (
    id              bigserial PRIMARY KEY,
    leader_user_id  bigint       NOT NULL REFERENCES app_user (id),
    day             date         NOT NULL,
    place           varchar(200) NOT NULL,
    region_code     varchar(12)  NOT NULL REFERENCES region (code),
    topic           varchar(200),
    created_at      timestamptz  NOT NULL,
    created_by      varchar(64)  NOT NULL,
    UNIQUE (leader_user_id, day)
);
CREATE INDEX reception_day_day ON reception_day (day);

CREATE TABLE reception_visit (
    id              bigserial PRIMARY KEY,
    reception_id    bigint      NOT NULL REFERENCES reception_day (id) ON DELETE CASCADE,
    petition_id     bigint      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    instructions    text        NOT NULL,   -- the leader's instructions (领导批示) on the matter
    recorded_at     timestamptz NOT NULL,
    recorded_by     varchar(64) NOT NULL,
    UNIQUE (reception_id, petition_id)
);

-- 联席会议: date, participants, matters discussed, decisions with owners and deadlines.
CREATE TABLE joint_meeting (
    id            bigserial PRIMARY KEY,
    held_on       date          NOT NULL,
    title         varchar(200)  NOT NULL,
    region_code   varchar(12)   NOT NULL REFERENCES region (code),
    participants  text          NOT NULL,
    summary       text          NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    recorded_by   varchar(64)   NOT NULL
);
CREATE TABLE joint_meeting_matter (
    meeting_id  bigint NOT NULL REFERENCES joint_meeting (id) ON DELETE CASCADE,
    petition_id bigint NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, petition_id)
);
CREATE TABLE joint_meeting_decision (
    id          bigserial PRIMARY KEY,
    meeting_id  bigint       NOT NULL REFERENCES joint_meeting (id) ON DELETE CASCADE,
    decision    text         NOT NULL,
    owner_unit  varchar(32)  NOT NULL REFERENCES unit (code),
    due         date         NOT NULL,
    done_at     timestamptz,
    done_note   text
);
CREATE INDEX joint_meeting_decision_owner ON joint_meeting_decision (owner_unit, due);

-- 《信访工作条例》 Art 26: prohibited behaviour, linked to the person (by blind index, never in clear)
-- and to a matter, with the lawful handling recorded. Readable only by the bureau's supervisors
-- and leaders (see supervision.ProhibitedConduct).
CREATE TABLE prohibited_conduct (
    id               bigserial PRIMARY KEY,
    petition_id      bigint       REFERENCES petition (id) ON DELETE SET NULL,
    person_name      varchar(64)  NOT NULL,
    id_number_index  varchar(64),
    id_number_mask   varchar(32),
    region_code      varchar(12)  NOT NULL REFERENCES region (code),
    behaviour        varchar(32)  NOT NULL,
    occurred_at      timestamptz  NOT NULL,
    place            varchar(200) NOT NULL,
    facts            text         NOT NULL,
    handling         text         NOT NULL,  -- the lawful handling: 劝阻、批评教育、移交公安机关 …
    recorded_at      timestamptz  NOT NULL,
    recorded_by      varchar(64)  NOT NULL
);
CREATE INDEX prohibited_conduct_person ON prohibited_conduct (id_number_index);
CREATE INDEX prohibited_conduct_region ON prohibited_conduct (region_code varchar_pattern_ops);
