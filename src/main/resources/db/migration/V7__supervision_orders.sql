-- 催办 / 督办 / 挂牌督办 (with a 督办单 and a written reply by a deadline), 约谈 and 通报 (Art 38, 39).
CREATE TABLE supervision_order (
    id          bigserial PRIMARY KEY,
    petition_id bigint       NOT NULL REFERENCES petition (id) ON DELETE CASCADE,
    kind        varchar(16)  NOT NULL,   -- URGE, SUPERVISE, LISTED, INTERVIEW, CIRCULAR
    unit_code   varchar(32)  NOT NULL REFERENCES unit (code),
    reason      text         NOT NULL,
    reply_due   date,
    issued_at   timestamptz  NOT NULL,
    issued_by   varchar(64)  NOT NULL,
    pdf         bytea,
    file_name   varchar(200),
    reply       text,
    replied_at  timestamptz,
    replied_by  varchar(64)
);
CREATE INDEX supervision_order_petition ON supervision_order (petition_id);
CREATE INDEX supervision_order_unit_open ON supervision_order (unit_code) WHERE reply IS NULL AND reply_due IS NOT NULL;
