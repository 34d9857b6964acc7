-- Exchange with other systems (issue 18): partners and their credentials, the link between a
-- partner's identifier and our matter, the signed-webhook outbox with every attempt, and the
-- national system's hand-over imports. Owned by the exchange module.

CREATE TABLE exchange_partner (
    id              bigserial PRIMARY KEY,
    code            varchar(32)  NOT NULL UNIQUE,
    name            varchar(100) NOT NULL,
    kind            varchar(16)  NOT NULL,              -- OPEN311_APP, HOTLINE_12345, NATIONAL
    contact         varchar(200),
    callback_url    varchar(500),
    may_file        boolean      NOT NULL DEFAULT false, -- file reports / work orders
    may_receive     boolean      NOT NULL DEFAULT false, -- receive milestones by webhook
    may_handover    boolean      NOT NULL DEFAULT false, -- national hand-over export / import
    rate_per_minute int          NOT NULL DEFAULT 1200,
    key_prefix      varchar(16),                         -- shown to recognise a key, never the key
    key_hash        varchar(128) UNIQUE,                 -- keyed hash of the API key
    secret_enc      bytea,                               -- the signing secret, SM4-encrypted
    service_user_id bigint REFERENCES app_user (id),     -- the account the partner's registrations are made by
    revoked_at      timestamptz,
    created_at      timestamptz  NOT NULL,
    rotated_at      timestamptz,
    version         int          NOT NULL DEFAULT 0
);

-- Which partner a matter came from, under which of the partner's identifiers (12345 order id,
-- Open311 request). One matter per (partner, external id): the idempotency of inbound orders.
CREATE TABLE exchange_link (
    partner_id      bigint       NOT NULL REFERENCES exchange_partner (id),
    external_id     varchar(64)  NOT NULL,
    petition_number varchar(32)  NOT NULL UNIQUE,
    body_hash       varchar(64)  NOT NULL,
    query_code_enc  bytea,                               -- so a replayed order gets the same answer
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (partner_id, external_id)
);

-- Durable outbox of signed webhooks: written from the petition's events, delivered in order per
-- matter by a cluster-safe dispatcher (a lease on the head row), retried with backoff.
CREATE TABLE exchange_outbox (
    id              bigserial PRIMARY KEY,
    event_id        uuid         NOT NULL UNIQUE,
    dedup_key       varchar(200) NOT NULL UNIQUE,        -- the source event, so a redelivered event is queued once
    partner_id      bigint       NOT NULL REFERENCES exchange_partner (id),
    petition_number varchar(32)  NOT NULL,
    event_type      varchar(32)  NOT NULL,
    occurred_at     timestamptz  NOT NULL,
    payload         text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    next_attempt_at timestamptz  NOT NULL,
    lease_until     timestamptz,
    attempts        int          NOT NULL DEFAULT 0,
    delivered_at    timestamptz
);
CREATE INDEX exchange_outbox_pending ON exchange_outbox (petition_number, occurred_at, id) WHERE delivered_at IS NULL;
CREATE INDEX exchange_outbox_recent ON exchange_outbox (id DESC);

CREATE TABLE exchange_attempt (
    id          bigserial PRIMARY KEY,
    outbox_id   bigint      NOT NULL REFERENCES exchange_outbox (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    http_status int,
    answer      varchar(500),
    millis      int         NOT NULL
);
CREATE INDEX exchange_attempt_outbox ON exchange_attempt (outbox_id, id);

-- Demo mode's stand-in for a partner's receiver: what a hotline would have received.
CREATE TABLE exchange_dev_received (
    id             bigserial PRIMARY KEY,
    at             timestamptz  NOT NULL,
    event_id       varchar(64),
    signature_ok   boolean      NOT NULL,
    body           text         NOT NULL
);

-- Hand-over packages imported from the province or the nation: one row per (source, matter).
CREATE TABLE exchange_import (
    source          varchar(64)  NOT NULL,
    source_number   varchar(32)  NOT NULL,
    package_hash    varchar(64)  NOT NULL,
    petition_number varchar(32)  NOT NULL,
    imported_at     timestamptz  NOT NULL,
    PRIMARY KEY (source, source_number)
);
