-- 法治宣传: staff law study and exams, and the publicity ledger.

CREATE TABLE study_material (
    id          bigserial PRIMARY KEY,
    title       varchar(200) NOT NULL,
    body        text         NOT NULL,
    law         varchar(64),
    created_by  bigint       NOT NULL REFERENCES app_user (id),
    created_at  timestamptz  NOT NULL
);

CREATE TABLE study_reading (
    material_id   bigint      NOT NULL REFERENCES study_material (id),
    user_id       bigint      NOT NULL REFERENCES app_user (id),
    first_read_at timestamptz NOT NULL,
    last_read_at  timestamptz NOT NULL,
    reads         integer     NOT NULL,
    PRIMARY KEY (material_id, user_id)
);

CREATE TABLE exam (
    id               bigserial PRIMARY KEY,
    title            varchar(200) NOT NULL,
    kind             varchar(8)   NOT NULL CHECK (kind IN ('FIXED', 'DRAWN')),
    question_ids     bigint[]     NOT NULL DEFAULT '{}',       -- FIXED: the paper
    counts           integer[]    NOT NULL,                    -- DRAWN: questions per type (单选, 多选, 判断, 填空)
    points           integer[]    NOT NULL,                    -- points per question of each type
    opens_at         timestamptz  NOT NULL,
    closes_at        timestamptz  NOT NULL,
    duration_minutes integer      NOT NULL CHECK (duration_minutes BETWEEN 1 AND 240),
    pass_score       integer      NOT NULL,
    max_attempts     integer      NOT NULL CHECK (max_attempts BETWEEN 1 AND 5),
    created_by       bigint       NOT NULL REFERENCES app_user (id),
    created_at       timestamptz  NOT NULL,
    CHECK (closes_at > opens_at)
);

CREATE TABLE exam_attempt (
    id             bigserial PRIMARY KEY,
    exam_id        bigint      NOT NULL REFERENCES exam (id),
    user_id        bigint      NOT NULL REFERENCES app_user (id),
    unit_code      varchar(32) REFERENCES unit (code),
    attempt_no     integer     NOT NULL,
    question_ids   bigint[]    NOT NULL,
    answers        jsonb       NOT NULL DEFAULT '{}',
    started_at     timestamptz NOT NULL,
    deadline_at    timestamptz NOT NULL,
    submitted_at   timestamptz,
    auto_submitted boolean     NOT NULL DEFAULT false,
    status         varchar(12) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SUBMITTED')),
    score          integer,
    full_score     integer     NOT NULL,
    passed         boolean,
    UNIQUE (exam_id, user_id, attempt_no)
);
CREATE UNIQUE INDEX exam_attempt_one_open ON exam_attempt (exam_id, user_id) WHERE status = 'OPEN';
CREATE INDEX exam_attempt_due ON exam_attempt (deadline_at) WHERE status = 'OPEN';

ALTER TABLE quiz_certificate ADD CONSTRAINT quiz_certificate_attempt FOREIGN KEY (attempt_id) REFERENCES exam_attempt (id);

-- The ledger: activities (宣传月, 12·4 宪法日, 4·15, 现场宣传, 培训, LED 播放, 资料发放) by county and unit.
CREATE TABLE publicity_activity (
    id           bigserial PRIMARY KEY,
    kind         varchar(16)  NOT NULL,
    title        varchar(200) NOT NULL,
    county_code  varchar(12)  NOT NULL REFERENCES region (code),
    unit_code    varchar(32)  NOT NULL REFERENCES unit (code),
    held_on      date         NOT NULL,
    place        varchar(200) NOT NULL,
    materials    integer      NOT NULL DEFAULT 0 CHECK (materials >= 0),
    attendees    integer      NOT NULL DEFAULT 0 CHECK (attendees >= 0),
    answered     integer      NOT NULL DEFAULT 0 CHECK (answered >= 0),
    note         text,
    created_by   bigint       NOT NULL REFERENCES app_user (id),
    created_at   timestamptz  NOT NULL,
    version      integer      NOT NULL DEFAULT 0
);
CREATE INDEX publicity_activity_day ON publicity_activity (held_on);

CREATE TABLE publicity_photo (
    id           bigserial PRIMARY KEY,
    activity_id  bigint       NOT NULL REFERENCES publicity_activity (id) ON DELETE CASCADE,
    content_type varchar(32)  NOT NULL,
    bytes        bytea        NOT NULL,
    uploaded_at  timestamptz  NOT NULL
);

-- A training's attendance: staff who attended, by account.
CREATE TABLE training_attendance (
    activity_id  bigint NOT NULL REFERENCES publicity_activity (id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES app_user (id),
    PRIMARY KEY (activity_id, user_id)
);

-- 普法重点任务清单 (KEY) and 普法责任清单 (RESPONSIBILITY).
CREATE TABLE publicity_task (
    id          bigserial PRIMARY KEY,
    list        varchar(16)  NOT NULL CHECK (list IN ('KEY', 'RESPONSIBILITY')),
    year        integer      NOT NULL,
    title       varchar(300) NOT NULL,
    owner_unit  varchar(32)  NOT NULL REFERENCES unit (code),
    deadline    date         NOT NULL,
    done_at     timestamptz,
    done_note   text,
    done_by     bigint REFERENCES app_user (id),
    created_at  timestamptz  NOT NULL,
    version     integer      NOT NULL DEFAULT 0
);
