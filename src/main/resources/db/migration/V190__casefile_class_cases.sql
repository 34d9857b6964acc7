-- 类案 (issue 15): matters of one kind of problem about one target in one county, grouped by a
-- background job (ClassCaseJob) and confirmed, renamed, split or merged by a registrar or supervisor.
-- Accusations (检举控告) never join a 类案 (Art 30).
CREATE TABLE casefile_class (
    id            bigserial PRIMARY KEY,
    name          varchar(120) NOT NULL,
    county_code   varchar(12)  NOT NULL,
    category_code varchar(32),
    confirmed     boolean      NOT NULL DEFAULT false,
    confirmed_by  varchar(128),
    merged_into   bigint REFERENCES casefile_class (id),
    created_at    timestamptz  NOT NULL,
    version       int          NOT NULL DEFAULT 0
);
CREATE INDEX casefile_class_county ON casefile_class (county_code varchar_pattern_ops);

CREATE TABLE casefile_class_member (
    petition_id      bigint      PRIMARY KEY REFERENCES petition (id) ON DELETE CASCADE,
    class_id         bigint      NOT NULL REFERENCES casefile_class (id),
    placed_by_person boolean     NOT NULL DEFAULT false,
    joined_at        timestamptz NOT NULL
);
CREATE INDEX casefile_class_member_class ON casefile_class_member (class_id);

-- How far the grouping job has come. Nodes advance it with a conditional update, so a batch is
-- grouped once. At upgrade only the latest 20 000 matters are grouped (older ones stay ungrouped).
CREATE TABLE casefile_class_cursor (
    id               int    PRIMARY KEY CHECK (id = 1),
    last_petition_id bigint NOT NULL
);
INSERT INTO casefile_class_cursor SELECT 1, greatest(0, coalesce(max(id), 0) - 20000) FROM petition;

-- Early warnings of unusual growth (docs/casefile.md "早期预警"): one row per subject, place and
-- window end; the primary key makes the sweep safe on several nodes.
CREATE TABLE casefile_warning (
    subject_type  varchar(16)  NOT NULL,
    subject_key   varchar(64)  NOT NULL,
    region_code   varchar(12)  NOT NULL,
    week_end      date         NOT NULL,
    count         int          NOT NULL,
    baseline_mean numeric(8,2) NOT NULL,
    baseline_sd   numeric(8,2) NOT NULL,
    raised_at     timestamptz  NOT NULL,
    PRIMARY KEY (subject_type, subject_key, region_code, week_end)
);
CREATE INDEX casefile_warning_raised ON casefile_warning (raised_at DESC);
