-- The same counts per county (first 6 digits of the region): city- and county-wide questions, the
-- most frequent, read about a tenth of the rows. Township questions use the township tables
-- through an index on the region.
CREATE TABLE stats_daily_county (LIKE stats_daily INCLUDING DEFAULTS);
ALTER TABLE stats_daily_county ADD PRIMARY KEY (day, region, unit, category);
CREATE TABLE stats_monthly_county (LIKE stats_monthly INCLUDING DEFAULTS);
ALTER TABLE stats_monthly_county ADD PRIMARY KEY (day, region, unit, category);

CREATE INDEX stats_daily_region ON stats_daily (region varchar_pattern_ops, day);
CREATE INDEX stats_monthly_region ON stats_monthly (region varchar_pattern_ops, day);

INSERT INTO stats_daily_county
SELECT day, left(region, 6), unit, category, sum(received), sum(ch_online), sum(ch_letter), sum(ch_visit), sum(ch_phone),
       sum(ch_fax), sum(ch_hotline), sum(ch_mailbox), sum(repeats), sum(beyond_level), sum(to_beijing), sum(accepted),
       sum(accept_timed), sum(accept_on_time), sum(replied), sum(reply_timed), sum(reply_on_time), sum(closed),
       sum(close_timed), sum(close_on_time), sum(handling_days), sum(one_time), sum(delivered), sum(rated), sum(satisfied),
       sum(accept_due), sum(not_accepted), sum(handle_due), sum(not_handled)
FROM stats_daily GROUP BY day, left(region, 6), unit, category;

INSERT INTO stats_monthly_county
SELECT day, left(region, 6), unit, category, sum(received), sum(ch_online), sum(ch_letter), sum(ch_visit), sum(ch_phone),
       sum(ch_fax), sum(ch_hotline), sum(ch_mailbox), sum(repeats), sum(beyond_level), sum(to_beijing), sum(accepted),
       sum(accept_timed), sum(accept_on_time), sum(replied), sum(reply_timed), sum(reply_on_time), sum(closed),
       sum(close_timed), sum(close_on_time), sum(handling_days), sum(one_time), sum(delivered), sum(rated), sum(satisfied),
       sum(accept_due), sum(not_accepted), sum(handle_due), sum(not_handled)
FROM stats_monthly GROUP BY day, left(region, 6), unit, category;

CREATE INDEX stats_daily_county_unit ON stats_daily_county (unit, day);
CREATE INDEX stats_monthly_county_unit ON stats_monthly_county (unit, day);

-- The two "open now" figures (超期未办结, 积案) counted from the index alone.
CREATE INDEX petition_open_overdue_stats ON petition (coalesce(handle_statutory, accept_statutory), region_code)
    INCLUDE (handle_statutory, responsible_unit_code)
    WHERE status NOT IN ('CLOSED', 'FINAL', 'MERGED', 'NOT_ACCEPTED', 'DIVERTED');
