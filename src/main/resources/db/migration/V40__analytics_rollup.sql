-- Analytics rollup (docs/indicators.md). Dashboards never scan the petition table per request:
-- each matter contributes counts to the day (and month) on which each indicator counts it, per
-- township, responsible unit and category. A trigger marks changed matters; a job run every few
-- seconds subtracts their old contribution and adds the new one, so figures follow the matters
-- within a minute.

-- Matters whose contribution must be recomputed.
CREATE TABLE stats_dirty (
    petition_id bigint PRIMARY KEY
);

-- What each matter contributes now (one row per matter), to subtract when it changes.
CREATE TABLE stats_matter (
    petition_id     bigint PRIMARY KEY,
    region          varchar(12) NOT NULL,   -- township code (first 9 digits), or the county's 6
    unit            varchar(32) NOT NULL,   -- responsible unit, '' before routing
    category        varchar(32) NOT NULL,   -- '' when not classified
    channel         varchar(32) NOT NULL,
    received_day    date        NOT NULL,
    repeat          boolean     NOT NULL,
    beyond_level    boolean     NOT NULL,
    to_beijing      boolean     NOT NULL,
    accepted_day    date,
    accept_timed    boolean     NOT NULL,
    accept_on_time  boolean     NOT NULL,
    replied_day     date,
    reply_timed     boolean     NOT NULL,
    reply_on_time   boolean     NOT NULL,
    closed_day      date,
    close_timed     boolean     NOT NULL,
    close_on_time   boolean     NOT NULL,
    handling_days   int         NOT NULL,
    one_time        boolean     NOT NULL,
    delivered_day   date,
    rated           boolean     NOT NULL,
    satisfied       boolean     NOT NULL
);

-- The counts, per day and per month (the same columns). A month row is the sum of its days.
CREATE TABLE stats_daily (
    day               date        NOT NULL,
    region            varchar(12) NOT NULL,
    unit              varchar(32) NOT NULL,
    category          varchar(32) NOT NULL,
    received          int NOT NULL DEFAULT 0,
    ch_online         int NOT NULL DEFAULT 0,
    ch_letter         int NOT NULL DEFAULT 0,
    ch_visit          int NOT NULL DEFAULT 0,
    ch_phone          int NOT NULL DEFAULT 0,
    ch_fax            int NOT NULL DEFAULT 0,
    ch_hotline        int NOT NULL DEFAULT 0,
    ch_mailbox        int NOT NULL DEFAULT 0,
    repeats           int NOT NULL DEFAULT 0,
    beyond_level      int NOT NULL DEFAULT 0,
    to_beijing        int NOT NULL DEFAULT 0,
    accepted          int NOT NULL DEFAULT 0,
    accept_timed      int NOT NULL DEFAULT 0,
    accept_on_time    int NOT NULL DEFAULT 0,
    replied           int NOT NULL DEFAULT 0,
    reply_timed       int NOT NULL DEFAULT 0,
    reply_on_time     int NOT NULL DEFAULT 0,
    closed            int NOT NULL DEFAULT 0,
    close_timed       int NOT NULL DEFAULT 0,
    close_on_time     int NOT NULL DEFAULT 0,
    handling_days     bigint NOT NULL DEFAULT 0,
    one_time          int NOT NULL DEFAULT 0,
    delivered         int NOT NULL DEFAULT 0,
    rated             int NOT NULL DEFAULT 0,
    satisfied         int NOT NULL DEFAULT 0,
    PRIMARY KEY (day, region, unit, category)
);

CREATE TABLE stats_monthly (LIKE stats_daily INCLUDING DEFAULTS);
ALTER TABLE stats_monthly ADD PRIMARY KEY (day, region, unit, category);
CREATE INDEX stats_daily_unit ON stats_daily (unit, day);
CREATE INDEX stats_monthly_unit ON stats_monthly (unit, day);

CREATE FUNCTION stats_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO stats_dirty VALUES (OLD.id) ON CONFLICT DO NOTHING;
        RETURN OLD;
    END IF;
    INSERT INTO stats_dirty VALUES (NEW.id) ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER petition_stats_dirty AFTER INSERT OR UPDATE OR DELETE ON petition
    FOR EACH ROW EXECUTE FUNCTION stats_mark_dirty();

INSERT INTO stats_dirty SELECT id FROM petition;
