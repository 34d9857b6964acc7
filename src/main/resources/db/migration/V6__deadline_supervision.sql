-- Deadline supervision (issue: supervision and coordination). A reminder is recorded once per
-- matter, clock, threshold and due date; the primary key makes two sweeping nodes harmless.
CREATE TABLE deadline_reminder (
    petition_id bigint      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    clock       varchar(16) NOT NULL,   -- TARGET, STATUTORY
    threshold   varchar(16) NOT NULL,   -- HALF, THREE_QUARTERS, DUE_DAY, MISSED
    due         date        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (petition_id, clock, threshold, due)
);

-- What the console shows a unit's staff: reminders and warnings, per role.
CREATE TABLE staff_notice (
    id          bigserial PRIMARY KEY,
    unit_code   varchar(32) NOT NULL REFERENCES unit (code),
    role        varchar(32) NOT NULL,
    petition_id bigint      NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    text        varchar(300) NOT NULL,
    created_at  timestamptz NOT NULL,
    read_at     timestamptz
);
CREATE INDEX staff_notice_inbox ON staff_notice (unit_code, role, created_at DESC) WHERE read_at IS NULL;
