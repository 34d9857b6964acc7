-- XinFang core schema. Personal fields are stored SM4-encrypted (bytea) beside a keyed SM3
-- blind index for exact lookup; masked copies are stored for display without decryption.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Reference data ------------------------------------------------------------------------
CREATE TABLE region (
    code        varchar(12) PRIMARY KEY,
    name        varchar(64) NOT NULL,
    level       varchar(16) NOT NULL,   -- CITY, COUNTY, ZONE, TOWNSHIP, VILLAGE
    parent_code varchar(12) REFERENCES region (code),
    sort_order  int         NOT NULL DEFAULT 0
);
CREATE INDEX region_parent ON region (parent_code);

CREATE TABLE unit (
    code        varchar(32) PRIMARY KEY,
    name        varchar(64) NOT NULL,
    kind        varchar(24) NOT NULL,   -- PETITION_BUREAU, DEPARTMENT, JOINT_CENTER, DISCIPLINE, GOVERNMENT
    region_code varchar(12) NOT NULL REFERENCES region (code),
    parent_code varchar(32) REFERENCES unit (code),
    sort_order  int         NOT NULL DEFAULT 0
);

CREATE TABLE category (
    code              varchar(32) PRIMARY KEY,
    name              varchar(64) NOT NULL,
    description       varchar(255),
    default_unit_code varchar(32) REFERENCES unit (code),
    parent_code       varchar(32) REFERENCES category (code),
    sort_order        int         NOT NULL DEFAULT 0
);

-- Identity ------------------------------------------------------------------------------
CREATE TABLE app_user (
    id              bigserial PRIMARY KEY,
    username        varchar(64)  NOT NULL UNIQUE,  -- staff login name, or the citizen's phone blind index
    password_hash   varchar(128) NOT NULL,
    kind            varchar(16)  NOT NULL,         -- STAFF, CITIZEN
    display_name    varchar(64)  NOT NULL,
    unit_code       varchar(32) REFERENCES unit (code),
    region_code     varchar(12) REFERENCES region (code),
    id_number_enc   bytea,
    id_number_index varchar(64),
    id_number_mask  varchar(32),
    phone_enc       bytea,
    phone_index     varchar(64) UNIQUE,
    phone_mask      varchar(32),
    enabled         boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL,
    version         int          NOT NULL DEFAULT 0
);

CREATE TABLE user_role (
    user_id bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role    varchar(32) NOT NULL,
    PRIMARY KEY (user_id, role)
);

-- Failed-attempt counters shared by all nodes (login and public lookups).
CREATE TABLE throttle (
    key          varchar(160) PRIMARY KEY,
    failures     int          NOT NULL,
    blocked_until timestamptz,
    updated_at   timestamptz  NOT NULL
);

CREATE TABLE sms_code (
    id          bigserial PRIMARY KEY,
    phone_index varchar(64)  NOT NULL,
    purpose     varchar(32)  NOT NULL,
    code_hash   varchar(128) NOT NULL,
    attempts    int          NOT NULL DEFAULT 0,
    expires_at  timestamptz  NOT NULL,
    used        boolean      NOT NULL DEFAULT false,
    created_at  timestamptz  NOT NULL
);
CREATE INDEX sms_code_phone ON sms_code (phone_index, purpose, created_at DESC);

-- What the development SMS gateway "sent": visible to administrators.
CREATE TABLE sms_outbox (
    id         bigserial PRIMARY KEY,
    phone_mask varchar(32)  NOT NULL,
    phone_enc  bytea        NOT NULL,
    text       varchar(500) NOT NULL,
    sent_at    timestamptz  NOT NULL
);

-- Petitions -----------------------------------------------------------------------------
CREATE SEQUENCE petition_number_seq;

CREATE TABLE petition (
    id                    bigserial PRIMARY KEY,
    number                varchar(32)  NOT NULL UNIQUE,
    query_code_hash       varchar(128) NOT NULL,
    status                varchar(32)  NOT NULL,
    channel               varchar(32)  NOT NULL,
    received_at           timestamptz  NOT NULL,
    registered_at         timestamptz  NOT NULL,
    region_code           varchar(12)  NOT NULL REFERENCES region (code),
    category_code         varchar(32) REFERENCES category (code),
    kind                  varchar(16),
    complexity            varchar(16),
    legal_channel         varchar(24),
    title                 varchar(200) NOT NULL,
    content               text         NOT NULL,
    person_count          int          NOT NULL DEFAULT 1,
    group_visit           boolean      NOT NULL DEFAULT false,
    first_time            boolean      NOT NULL DEFAULT true,
    accused_unit          varchar(128),
    accused_person        varchar(64),
    responsible_unit_code varchar(32) REFERENCES unit (code),
    registering_unit_code varchar(32) REFERENCES unit (code),
    registered_by         bigint REFERENCES app_user (id),
    citizen_user_id       bigint REFERENCES app_user (id),
    duplicate_of          varchar(32),
    accept_target         date,
    accept_statutory      date,
    handle_target         date,
    handle_statutory      date,
    version               int          NOT NULL DEFAULT 0
);
CREATE INDEX petition_status ON petition (status);
CREATE INDEX petition_region ON petition (region_code varchar_pattern_ops);
CREATE INDEX petition_unit ON petition (responsible_unit_code);
CREATE INDEX petition_citizen ON petition (citizen_user_id);
CREATE INDEX petition_received ON petition (received_at DESC);

CREATE TABLE petitioner (
    petition_id     bigint      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    seq             int         NOT NULL,
    name            varchar(64) NOT NULL,
    id_number_enc   bytea,
    id_number_index varchar(64),
    id_number_mask  varchar(32),
    phone_enc       bytea,
    phone_index     varchar(64),
    phone_mask      varchar(32),
    address_enc     bytea,
    representative  boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (petition_id, seq)
);
CREATE INDEX petitioner_id_index ON petitioner (id_number_index);
CREATE INDEX petitioner_phone_index ON petitioner (phone_index);

CREATE TABLE attachment (
    id           bigserial PRIMARY KEY,
    petition_id  bigint       NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    seq          int          NOT NULL,
    file_name    varchar(200) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes   bigint       NOT NULL,
    storage_key  varchar(200) NOT NULL,
    sha256       varchar(64)  NOT NULL,
    uploaded_at  timestamptz  NOT NULL
);
CREATE INDEX attachment_petition ON attachment (petition_id);

-- Every step of every matter: the timeline and the API's history.
CREATE TABLE petition_history (
    id           bigserial PRIMARY KEY,
    petition_id  bigint      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    at           timestamptz NOT NULL,
    actor        varchar(64) NOT NULL,
    action       varchar(32) NOT NULL,
    from_status  varchar(32),
    to_status    varchar(32) NOT NULL,
    note         text,
    public_milestone varchar(32)
);
CREATE INDEX petition_history_petition ON petition_history (petition_id, at);

-- Audit ---------------------------------------------------------------------------------
-- Hash-chained (SM3): each row's hash covers its content and the previous row's hash.
CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    at        timestamptz  NOT NULL,
    actor     varchar(64)  NOT NULL,
    action    varchar(48)  NOT NULL,
    target    varchar(128),
    detail    text,
    prev_hash varchar(64)  NOT NULL,
    hash      varchar(64)  NOT NULL
);
