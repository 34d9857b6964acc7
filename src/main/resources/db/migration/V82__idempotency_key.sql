-- Idempotency-Key on registration (issue 13 item 7): a client that lost the answer (connection reset
-- after the commit) retries with the same key and gets the original 201 instead of a second matter.
-- Written in the registration's own transaction; the stored answer holds the query code, so it is
-- encrypted (SM4, data key). Kept 24 hours.
CREATE TABLE idempotency_key (
    scope        varchar(100) NOT NULL,   -- the authenticated caller
    idem_key     varchar(100) NOT NULL,
    request_hash varchar(64)  NOT NULL,   -- SHA-256 of method, path and body
    status       int          NOT NULL,
    location     varchar(300),
    content_type varchar(100),
    body_enc     bytea,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);
