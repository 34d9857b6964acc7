-- Ending API tokens before they expire (issue 11): a logout denies one token by its id until it
-- would have expired anyway; disabling an account (or ending all its sign-ins) denies every token
-- issued before that moment.
ALTER TABLE app_user ADD COLUMN tokens_not_before timestamptz;

CREATE TABLE revoked_token (
    jti        varchar(64) PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL
);
CREATE INDEX revoked_token_expiry ON revoked_token (expires_at);
