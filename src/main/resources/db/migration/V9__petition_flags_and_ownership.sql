-- Flags the bureau watches (越级访, 进京访, 三跨三分离) and 领导包案 with its "五包一" team.
ALTER TABLE petition ADD COLUMN flags varchar(200) NOT NULL DEFAULT '';

CREATE TABLE case_ownership (
    petition_id      bigint PRIMARY KEY REFERENCES petition (id) ON DELETE CASCADE,
    leader_user_id   bigint       NOT NULL REFERENCES app_user (id),
    working_group    varchar(300) NOT NULL,
    plan             text         NOT NULL,
    lawyer           varchar(100),
    follow_up_owner  varchar(100) NOT NULL,
    assigned_at      timestamptz  NOT NULL,
    assigned_by      varchar(64)  NOT NULL
);
CREATE INDEX case_ownership_leader ON case_ownership (leader_user_id);

CREATE TABLE case_progress (
    id          bigserial PRIMARY KEY,
    petition_id bigint      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    actor       varchar(64) NOT NULL,
    note        text        NOT NULL
);
