-- 三项建议 (《信访工作条例》 Art 14, 40, 41): improvement, policy and accountability recommendations
-- issued by the 信访部门 to a unit, which must answer in writing by a deadline.
CREATE TABLE recommendation (
    id          bigserial PRIMARY KEY,
    kind        varchar(16)  NOT NULL,   -- IMPROVEMENT, POLICY, ACCOUNTABILITY
    unit_code   varchar(32)  NOT NULL REFERENCES unit (code),
    petition_id bigint REFERENCES petition (id) ON DELETE SET NULL,
    title       varchar(200) NOT NULL,
    content     text         NOT NULL,
    reply_due   date         NOT NULL,
    issued_at   timestamptz  NOT NULL,
    issued_by   varchar(64)  NOT NULL,
    issued_unit varchar(32)  NOT NULL REFERENCES unit (code),
    reply       text,
    replied_at  timestamptz,
    replied_by  varchar(64)
);
CREATE INDEX recommendation_unit ON recommendation (unit_code, issued_at DESC);
