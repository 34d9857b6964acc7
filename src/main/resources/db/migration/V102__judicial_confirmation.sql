-- 司法确认 (《人民调解法》第三十三条): the joint application to the court within 30 days of the
-- agreement taking effect, and the court's decision.
ALTER TABLE mediation_agreement
    ADD COLUMN confirmation_applied_on date,
    ADD COLUMN confirmation_court      varchar(100),
    ADD COLUMN confirmation_decided_on date,
    ADD COLUMN confirmation_result     varchar(12) CHECK (confirmation_result IN ('CONFIRMED', 'REJECTED')),
    ADD COLUMN confirmation_note       varchar(500);
