-- 法治宣传 (publicity): the question bank and the public challenge 信访工作法治化线上答题·等你来挑战.

CREATE TABLE quiz_question (
    id          bigserial PRIMARY KEY,
    type        varchar(8)   NOT NULL CHECK (type IN ('SINGLE', 'MULTI', 'JUDGE', 'FILL')),
    stem        text         NOT NULL,
    options     text[]       NOT NULL DEFAULT '{}',   -- A, B, C … in order; empty for JUDGE and FILL
    answer      varchar(200) NOT NULL,                -- SINGLE "B", MULTI "ABD", JUDGE "T"/"F", FILL accepted forms joined by |
    explanation text         NOT NULL,
    law         varchar(64)  NOT NULL,                -- 《信访工作条例》, 宪法 …
    article     varchar(64)  NOT NULL,                -- 第二十二条
    chapter     varchar(32),
    difficulty  smallint     NOT NULL CHECK (difficulty BETWEEN 1 AND 3),
    tags        text[]       NOT NULL DEFAULT '{}',
    source      varchar(64),                          -- 'bundled:N' for the shipped bank, null for the bureau's own
    active      boolean      NOT NULL DEFAULT true,
    version     integer      NOT NULL DEFAULT 0,
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (source)
);
CREATE INDEX quiz_question_draw ON quiz_question (type, difficulty) WHERE active;

-- A verified player: a phone proven by an SMS code, remembered by a random cookie token.
CREATE TABLE quiz_player (
    token_hash   varchar(64) PRIMARY KEY,
    phone_index  varchar(64) NOT NULL,
    phone_mask   varchar(16) NOT NULL,
    nickname     varchar(16) NOT NULL,
    county_code  varchar(12) NOT NULL REFERENCES region (code),
    verified_at  timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX quiz_player_phone ON quiz_player (phone_index);

CREATE TABLE quiz_round (
    id            bigserial PRIMARY KEY,
    token_hash    varchar(64)  NOT NULL UNIQUE,       -- the browser holds the token; only its hash is stored
    visitor       varchar(64)  NOT NULL,              -- the visitor cookie (random), for the anonymous daily cap
    address       varchar(64)  NOT NULL,              -- client address, hashed
    phone_index   varchar(64),                        -- set once the round belongs to a verified phone
    phone_mask    varchar(16),
    nickname      varchar(16),
    county_code   varchar(12) REFERENCES region (code),
    day           date         NOT NULL,              -- Beijing day the round was drawn
    question_ids  bigint[]     NOT NULL,
    answers       jsonb        NOT NULL DEFAULT '{}', -- question id -> {"a": answer, "at": epoch millis}, only what arrived in time
    started_at    timestamptz  NOT NULL,
    deadline_at   timestamptz  NOT NULL,
    submitted_at  timestamptz,
    status        varchar(12)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SUBMITTED')),
    correct       integer,
    score         integer,
    duration_ms   bigint,
    flagged       boolean      NOT NULL DEFAULT false,
    flag_reason   varchar(200),
    review        varchar(12)  CHECK (review IN ('CLEARED', 'REJECTED'))
);
CREATE INDEX quiz_round_visitor_day ON quiz_round (visitor, day);
CREATE INDEX quiz_round_phone_day ON quiz_round (phone_index, day) WHERE phone_index IS NOT NULL;
CREATE INDEX quiz_round_flagged ON quiz_round (submitted_at) WHERE flagged AND review IS NULL;

-- Each person's best round per day (board 'D2026-12-06') and overall (board 'TOTAL'), kept at submission so
-- that reading a board is one index range however many rounds there are.
CREATE TABLE quiz_best (
    board        varchar(12) NOT NULL,
    phone_index  varchar(64) NOT NULL,
    phone_mask   varchar(16) NOT NULL,
    nickname     varchar(16) NOT NULL,
    county_code  varchar(12) NOT NULL,
    score        integer     NOT NULL,
    duration_ms  bigint      NOT NULL,
    achieved_at  timestamptz NOT NULL,
    round_id     bigint      NOT NULL,
    PRIMARY KEY (board, phone_index)
);
CREATE INDEX quiz_best_order ON quiz_best (board, score DESC, duration_ms, achieved_at);
CREATE INDEX quiz_best_county ON quiz_best (board, county_code, score DESC, duration_ms, achieved_at);

CREATE TABLE quiz_certificate (
    number      varchar(32) PRIMARY KEY,
    kind        varchar(8)  NOT NULL CHECK (kind IN ('QUIZ', 'EXAM')),
    holder      varchar(64) NOT NULL,                -- masked phone and nickname, or the staff member's name and unit
    title       varchar(200) NOT NULL,
    score       integer     NOT NULL,
    issued_at   timestamptz NOT NULL,
    round_id    bigint UNIQUE REFERENCES quiz_round (id),
    attempt_id  bigint UNIQUE
);

-- Honest visit counting: one row per (day, visitor cookie) with the number of page loads.
CREATE TABLE quiz_visit (
    day      date        NOT NULL,
    visitor  varchar(64) NOT NULL,
    views    integer     NOT NULL,
    PRIMARY KEY (day, visitor)
);

-- Fixed-window counters for rate limits per address and per phone.
CREATE TABLE quiz_rate (
    key          varchar(120) PRIMARY KEY,
    window_start timestamptz  NOT NULL,
    hits         integer      NOT NULL
);
