-- What registrars decided about a matter's category and kind, next to what the classifier had
-- suggested. Rows where they differ are corrections; all rows are training data for the next
-- model (text module, ClassificationService.retrain).
CREATE TABLE classification_feedback (
    id                 bigserial    PRIMARY KEY,
    petition_number    varchar(40),
    title              varchar(200),
    content            text         NOT NULL,
    suggested_category varchar(32),
    suggested_score    double precision,
    chosen_category    varchar(32)  NOT NULL,
    chosen_kind        varchar(16),
    corrected          boolean      NOT NULL,
    decided_by         varchar(100) NOT NULL,
    decided_at         timestamptz  NOT NULL
);
CREATE INDEX classification_feedback_decided ON classification_feedback (decided_at);
