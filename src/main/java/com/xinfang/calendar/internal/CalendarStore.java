package com.xinfang.calendar.internal;

import com.xinfang.calendar.CalendarDay;
import com.xinfang.calendar.TimeLimitComplexity;
import com.xinfang.calendar.DayKind;
import com.xinfang.calendar.DayUnit;
import com.xinfang.calendar.HolidayTable;
import com.xinfang.calendar.Policy;
import com.xinfang.calendar.PolicyInfo;
import com.xinfang.calendar.TimeLimit;
import com.xinfang.calendar.TimeLimitRule;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The in-memory copy of {@code calendar_day}, {@code time_limit_policy} and {@code time_limit_rule}.
 * The tables are the truth: every change bumps {@code calendar_revision} in its transaction, and
 * each node compares that number with its copy at most every {@link #RECHECK} (one primary-key
 * read), reloading when it moved. The node that made a change reloads at once.
 */
@Component
public class CalendarStore {

	private static final Logger log = LoggerFactory.getLogger(CalendarStore.class);

	/** How stale another node's change may be seen here. Monotonic time: this is a cache, not a date. */
	static final Duration RECHECK = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	/** Counts local changes; a copy taken before the latest one is checked again. */
	private final AtomicLong changes = new AtomicLong();

	public CalendarStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public HolidayTable holidays() {
		return current(false).holidays();
	}

	public List<TimeLimitRule> rules() {
		return current(false).rules();
	}

	public List<PolicyInfo> policies() {
		return current(false).policies();
	}

	/** The holidays as the table holds them now, for pages that edit them. */
	public HolidayTable holidaysNow() {
		return current(true).holidays();
	}

	/** Forgets the copy after the current transaction commits (at once when there is none). */
	public void invalidateAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					changes.incrementAndGet();
				}
			});
		}
		else {
			changes.incrementAndGet();
		}
	}

	private Snapshot current(boolean checkNow) {
		Snapshot s = snapshot;
		long now = System.nanoTime();
		if (s != null && !checkNow && s.changes() == changes.get() && now - s.checkedAt() < RECHECK.toNanos()) {
			return s;
		}
		synchronized (this) {
			s = snapshot;
			long seen = changes.get();
			long revision = revision();
			if (s != null && s.revision() == revision) {
				s = s.checked(now, seen);
			}
			else {
				// Read the revision first: the rows read after it are at least as new.
				s = load(revision, now, seen);
				log.info("calendar loaded: revision {}, {} days, {} rules, covered until {}", revision,
						s.holidays().all().size(), s.rules().size(), s.holidays().coveredUntilYear().orElse(null));
			}
			snapshot = s;
			return s;
		}
	}

	private long revision() {
		return jdbc.sql("SELECT revision FROM calendar_revision WHERE id = 1").query(Long.class).single();
	}

	private Snapshot load(long revision, long now, long seen) {
		List<CalendarDay> days = jdbc.sql("SELECT day, kind, name FROM calendar_day ORDER BY day")
			.query((rs, i) -> new CalendarDay(rs.getObject("day", LocalDate.class), DayKind.valueOf(rs.getString("kind")),
					rs.getString("name")))
			.list();
		List<TimeLimitRule> rules = jdbc
			.sql("SELECT policy, time_limit, complexity, days, unit, basis FROM time_limit_rule ORDER BY policy, time_limit, complexity")
			.query((rs, i) -> new TimeLimitRule(new Policy(rs.getString("policy")), TimeLimit.valueOf(rs.getString("time_limit")),
					complexity(rs.getString("complexity")), rs.getInt("days"), DayUnit.valueOf(rs.getString("unit")),
					rs.getString("basis")))
			.list();
		List<PolicyInfo> policies = jdbc.sql("SELECT code, name, description FROM time_limit_policy ORDER BY sort_order, code")
			.query((rs, i) -> new PolicyInfo(new Policy(rs.getString("code")), rs.getString("name"), rs.getString("description")))
			.list();
		return new Snapshot(revision, HolidayTable.of(days), rules, policies, now, seen);
	}

	/** {@code ANY} in the table is {@code null} in a rule. */
	static TimeLimitComplexity complexity(String column) {
		return "ANY".equals(column) ? null : TimeLimitComplexity.valueOf(column);
	}

	static String column(TimeLimitComplexity complexity) {
		return complexity == null ? "ANY" : complexity.name();
	}

	record Snapshot(long revision, HolidayTable holidays, List<TimeLimitRule> rules, List<PolicyInfo> policies,
			long checkedAt, long changes) {

		Snapshot checked(long when, long seen) {
			return new Snapshot(revision, holidays, rules, policies, when, seen);
		}

	}

}
