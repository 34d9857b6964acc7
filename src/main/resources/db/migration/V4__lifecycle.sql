-- The lifecycle of a matter (《信访工作条例》 Art 22–36): routing, handling, reply, delivery,
-- follow-up, re-examination and review.

ALTER TABLE petition
    ADD COLUMN routed_at            timestamptz,          -- 转送/交办 sent
    ADD COLUMN routed_by_unit_code  varchar(32) REFERENCES unit (code),
    ADD COLUMN routing              varchar(16),          -- TRANSFER (转送) or ASSIGN (交办)
    ADD COLUMN accepted_at          timestamptz,
    ADD COLUMN extended_days        int NOT NULL DEFAULT 0,
    ADD COLUMN result               varchar(16),          -- SUPPORT, EXPLAIN, NOT_SUPPORT (Art 32)
    ADD COLUMN opinion              text,
    ADD COLUMN replied_at           timestamptz,
    ADD COLUMN delivered_at         timestamptz,
    ADD COLUMN satisfaction         varchar(16),          -- SATISFIED, BASIC, UNSATISFIED
    ADD COLUMN recheck_pending      boolean NOT NULL DEFAULT false,
    ADD COLUMN appeal_requested_at  timestamptz,          -- 复查 or 复核 request
    ADD COLUMN reexamination_result varchar(16),
    ADD COLUMN reexamination_decided_at timestamptz,
    ADD COLUMN review_result        varchar(16),
    ADD COLUMN closed_at            timestamptz;

CREATE INDEX petition_open_deadline ON petition (coalesce(handle_statutory, accept_statutory))
    WHERE status NOT IN ('CLOSED', 'FINAL', 'MERGED', 'NOT_ACCEPTED', 'DIVERTED');

-- What happened while handling: 双沟通 records, investigation notes, mediation sessions,
-- hearings, re-checks after an unsatisfied rating.
CREATE TABLE petition_record (
    id           bigserial PRIMARY KEY,
    petition_id  bigint      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    kind         varchar(24) NOT NULL,  -- COMMUNICATION, INVESTIGATION, MEDIATION, HEARING, RECHECK, EXTENSION_REQUEST
    at           timestamptz NOT NULL,
    actor        varchar(64) NOT NULL,
    unit_code    varchar(32) REFERENCES unit (code),
    occurred_at  timestamptz,
    contact      varchar(200),
    summary      text        NOT NULL,
    outcome      varchar(32)
);
CREATE INDEX petition_record_petition ON petition_record (petition_id, at);

-- Documents as issued: the PDF bytes are kept so what the petitioner received can be shown again.
CREATE TABLE petition_document (
    id           bigserial PRIMARY KEY,
    petition_id  bigint       NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    kind         varchar(40)  NOT NULL,
    issued_at    timestamptz  NOT NULL,
    file_name    varchar(200) NOT NULL,
    pdf          bytea        NOT NULL,
    public       boolean      NOT NULL DEFAULT true
);
CREATE INDEX petition_document_petition ON petition_document (petition_id);
