package com.xinfang.analytics;

import com.xinfang.accountability.Duties;
import com.xinfang.petition.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code stats_daily} and {@code stats_monthly} (per township) and their per-county copies equal
 * to the sum of every matter's contribution. A trigger on the petition table marks changed matters; each run takes a batch,
 * subtracts what those matters contributed before and adds what they contribute now. Runs are
 * serialised by an advisory lock, so several nodes may schedule it.
 */
@Component
public class StatsRollup implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StatsRollup.class);

	static final int BATCH = 20_000;

	/** Beijing calendar day of a timestamptz column (China has no daylight saving). */
	private static String day(String column) {
		return Duties.day(column);
	}

	/**
	 * The day a matter was 办结 (closed by the bureau's approval, or finally decided; kept while a 复查 or
	 * 复核 it asked for runs): 不予受理, 导入法定途径 and merged repeats also carry a closing time but are not 办结.
	 */
	static final String CLOSED_DAY = "CASE WHEN " + Status.sqlIn("p", Status.CONCLUDED_ONCE) + " THEN "
			+ Duties.day("p.closed_at") + " END";

	/**
	 * How a petition row becomes its contribution row (columns of stats_matter, in order). The two
	 * duties and whether each was failed come from {@link Duties}, the definitions the supervision
	 * module's 协调问责 uses.
	 */
	private static final String MATTER_SELECT = """
			SELECT p.id, left(p.region_code, 9), coalesce(p.responsible_unit_code, ''), coalesce(p.category_code, ''), p.channel,
			       %1$s, NOT p.first_time, position('BEYOND_LEVEL' in p.flags) > 0, position('TO_BEIJING' in p.flags) > 0,
			       %2$s, %3$s, %4$s,
			       coalesce(%4$s - %1$s, 0),
			       %4$s IS NOT NULL AND p.appeal_requested_at IS NULL AND coalesce(p.satisfaction, '') <> 'UNSATISFIED',
			       %5$s, p.delivered_at IS NOT NULL AND p.satisfaction IS NOT NULL,
			       p.delivered_at IS NOT NULL AND coalesce(p.satisfaction IN ('SATISFIED', 'BASIC'), false),
			       coalesce(%6$s, ''), %7$s, %8$s, %9$s, %10$s, %11$s, %12$s
			FROM petition_fact p
			%13$s
			%14$s""".formatted(day("p.received_at"), day("p.accepted_at"), day("p.replied_at"), CLOSED_DAY,
			day("p.delivered_at"), Duties.ACCEPT_UNIT, Duties.ACCEPT_DUE, Duties.ACCEPT_FAILED, Duties.HANDLE_DUE,
			Duties.HANDLE_FAILED, Duties.REPLIED_IN_TIME, Duties.BACKLOG_EXIT_DAY, Duties.HISTORY, Duties.SECOND_REPEAT);

	/** Each count column and, per counting date, the expression that feeds it (sign = +1 or -1). */
	private static final Map<String, Map<String, String>> EVENTS = new LinkedHashMap<>();

	/**
	 * The unit a counting date's figures belong to: the responsible unit, except for the acceptance duty and
	 * the backlog, which belong to the unit owing the current duty (the registering 信访部门 before routing).
	 */
	private static final Map<String, String> EVENT_UNIT = Map.of("accept_due_day", "accept_unit", "backlog_exit_day", "accept_unit");

	static {
		Map<String, String> received = new LinkedHashMap<>();
		received.put("received", "sign");
		for (var ch : StatsColumns.CHANNELS.entrySet()) {
			received.put(ch.getValue(), "CASE WHEN channel = '" + ch.getKey() + "' THEN sign ELSE 0 END");
		}
		received.put("repeats", "CASE WHEN repeat THEN sign ELSE 0 END");
		received.put("beyond_level", "CASE WHEN beyond_level THEN sign ELSE 0 END");
		received.put("to_beijing", "CASE WHEN to_beijing THEN sign ELSE 0 END");
		EVENTS.put("received_day", received);
		EVENTS.put("accepted_day", Map.of("accepted", "sign"));
		EVENTS.put("replied_day", Map.of("replied", "sign"));
		EVENTS.put("closed_day", Map.of("closed", "sign", "handling_days",
				"sign * handling_days", "one_time", "CASE WHEN one_time THEN sign ELSE 0 END"));
		EVENTS.put("delivered_day", Map.of("delivered", "sign", "rated", "CASE WHEN rated THEN sign ELSE 0 END", "satisfied",
				"CASE WHEN satisfied THEN sign ELSE 0 END"));
		EVENTS.put("accept_due_day", Map.of("accept_due", "sign", "not_accepted", "CASE WHEN accept_failed THEN sign ELSE 0 END"));
		EVENTS.put("backlog_exit_day", Map.of("backlog_resolved", "sign"));
		EVENTS.put("handle_due_day", Map.of("handle_due", "sign", "not_handled", "CASE WHEN handle_failed THEN sign ELSE 0 END",
				"handle_replied", "CASE WHEN reply_in_time THEN sign ELSE 0 END"));
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Duration initialDelay;

	private final Duration interval;

	private volatile ScheduledExecutorService executor;

	StatsRollup(JdbcClient jdbc, TransactionTemplate tx,
			@Value("${xinfang.analytics.refresh-initial-delay:PT5S}") Duration initialDelay,
			@Value("${xinfang.analytics.refresh-interval:PT15S}") Duration interval) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.initialDelay = initialDelay;
		this.interval = interval;
	}

	/**
	 * Runs on a thread of its own rather than the application's shared scheduler, so a long deadline
	 * sweep never holds the figures back.
	 */
	@Override
	public void start() {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "stats-rollup");
			t.setDaemon(true);
			return t;
		});
		executor.scheduleWithFixedDelay(this::scheduled, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
		this.executor = executor;
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor = this.executor;
		this.executor = null;
		if (executor != null) {
			executor.shutdownNow();
			try {
				executor.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

	void scheduled() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			log.warn("statistics refresh failed: {}", ex.toString());
		}
	}

	/**
	 * Folds every marked matter into the counts.
	 * @return how many matters were folded in (0 when another node holds the lock)
	 */
	public int refresh() {
		return refresh(false);
	}

	/** Folds every marked matter in, waiting for a run on another node to finish first. */
	public int refreshNow() {
		return refresh(true);
	}

	private int refresh(boolean wait) {
		int total = 0;
		while (true) {
			Integer n = tx.execute(status -> batch(wait));
			if (n == null || n <= 0) {
				return total;
			}
			total += n;
			if (n < BATCH) {
				return total;
			}
		}
	}

	private int batch(boolean wait) {
		if (wait) {
			jdbc.sql("SELECT pg_advisory_xact_lock(4307001) IS NULL").query(Boolean.class).single();
		}
		else if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(4307001)").query(Boolean.class).single())) {
			return -1;
		}
		// ON COMMIT DROP does not fire when a caller's transaction spans several batches
		jdbc.sql("DROP TABLE IF EXISTS stats_claim, stats_change, stats_delta").update();
		jdbc.sql("CREATE TEMP TABLE stats_claim (petition_id bigint PRIMARY KEY) ON COMMIT DROP").update();
		jdbc.sql("WITH c AS (DELETE FROM stats_dirty WHERE petition_id IN (SELECT petition_id FROM stats_dirty LIMIT " + BATCH
				+ ") RETURNING petition_id) INSERT INTO stats_claim SELECT petition_id FROM c").update();
		int claimed = jdbc.sql("SELECT count(*) FROM stats_claim").query(Integer.class).single();
		if (claimed == 0) {
			return 0;
		}
		jdbc.sql("CREATE TEMP TABLE stats_change ON COMMIT DROP AS SELECT -1 AS sign, m.* FROM stats_matter m "
				+ "WHERE m.petition_id IN (SELECT petition_id FROM stats_claim)").update();
		jdbc.sql("DELETE FROM stats_matter WHERE petition_id IN (SELECT petition_id FROM stats_claim)").update();
		jdbc.sql("INSERT INTO stats_matter " + MATTER_SELECT + " WHERE p.id IN (SELECT petition_id FROM stats_claim)").update();
		jdbc.sql("INSERT INTO stats_change SELECT 1, m.* FROM stats_matter m WHERE m.petition_id IN (SELECT petition_id FROM stats_claim)")
			.update();
		String cols = String.join(", ", StatsColumns.COUNTS);
		List<String> branches = new ArrayList<>();
		for (var e : EVENTS.entrySet()) {
			String exprs = StatsColumns.COUNTS.stream()
				.map(c -> e.getValue().getOrDefault(c, "0") + " AS " + c)
				.collect(Collectors.joining(", "));
			branches.add("SELECT " + e.getKey() + " AS day, region, " + EVENT_UNIT.getOrDefault(e.getKey(), "unit")
					+ " AS unit, category, " + exprs + " FROM stats_change WHERE "
					+ e.getKey() + " IS NOT NULL");
		}
		String sums = StatsColumns.COUNTS.stream().map(c -> "sum(" + c + ") AS " + c).collect(Collectors.joining(", "));
		jdbc.sql("CREATE TEMP TABLE stats_delta ON COMMIT DROP AS SELECT day, region, unit, category, " + sums
				+ " FROM (" + String.join(" UNION ALL ", branches) + ") ev GROUP BY day, region, unit, category").update();
		String update = StatsColumns.COUNTS.stream()
			.map(c -> c + " = t." + c + " + EXCLUDED." + c)
			.collect(Collectors.joining(", "));
		String sumCols = StatsColumns.COUNTS.stream().map(c -> "sum(" + c + ")").collect(Collectors.joining(", "));
		jdbc.sql("INSERT INTO stats_daily AS t (day, region, unit, category, " + cols + ") SELECT day, region, unit, category, "
				+ cols + " FROM stats_delta ON CONFLICT (day, region, unit, category) DO UPDATE SET " + update).update();
		jdbc.sql("INSERT INTO stats_monthly AS t (day, region, unit, category, " + cols + ") SELECT date_trunc('month', day)::date, "
				+ "region, unit, category, " + sumCols + " FROM stats_delta GROUP BY 1, 2, 3, 4 "
				+ "ON CONFLICT (day, region, unit, category) DO UPDATE SET " + update).update();
		jdbc.sql("INSERT INTO stats_daily_county AS t (day, region, unit, category, " + cols + ") SELECT day, left(region, 6), "
				+ "unit, category, " + sumCols + " FROM stats_delta GROUP BY 1, 2, 3, 4 "
				+ "ON CONFLICT (day, region, unit, category) DO UPDATE SET " + update).update();
		jdbc.sql("INSERT INTO stats_monthly_county AS t (day, region, unit, category, " + cols + ") SELECT "
				+ "date_trunc('month', day)::date, left(region, 6), unit, category, " + sumCols + " FROM stats_delta GROUP BY 1, 2, 3, 4 "
				+ "ON CONFLICT (day, region, unit, category) DO UPDATE SET " + update).update();
		return claimed;
	}

}
