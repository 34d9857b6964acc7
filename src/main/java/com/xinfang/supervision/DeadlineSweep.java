package com.xinfang.supervision;

import com.xinfang.coordination.JointHandling;
import com.xinfang.notification.StaffNotices;

import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import com.xinfang.petition.DeadlineWatch;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline sweep (《信访工作条例》 Art 38 督查 and Art 40 督办 of time limits). For every open matter whose
 * statutory limit falls within the look-ahead, it reminds the handler at half and three quarters
 * of each clock and on the due day, and tells the unit head and the supervising bureau when the
 * statutory limit is missed. Each reminder is recorded once (primary key), so two nodes sweeping
 * at the same time never remind twice.
 */
@Service
public class DeadlineSweep {

	private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

	/** Longest clock (60 days + a 30-day extension): half of it is the earliest reminder. */
	static final int LOOK_AHEAD_DAYS = 45;

	private final DeadlineWatch watch;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JointHandling joint;

	private final TransactionTemplate transactions;

	private final StaffNotices notices;

	DeadlineSweep(StaffNotices notices, JointHandling joint, DeadlineWatch watch, Directory directory, JdbcClient jdbc, Clock clock,
			TransactionTemplate transactions) {
		this.transactions = transactions;
		this.notices = notices;
		this.joint = joint;
		this.watch = watch;
		this.directory = directory;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${xinfang.supervision.sweep-initial-delay:PT1M}",
			fixedDelayString = "${xinfang.supervision.sweep-interval:PT10M}")
	void scheduled() {
		LocalDate today = LocalDate.now(clock.withZone(BeijingTime.ZONE));
		int sent = sweep(today);
		if (sent > 0) {
			log.info("deadline sweep: {} reminders", sent);
		}
		int missed = joint.noticeMissedReportIns(today);
		if (missed > 0) {
			log.info("deadline sweep: {} notices of missed report-ins", missed);
		}
	}

	/** Matters whose recorded reminders are read at once. */
	private static final int CHUNK = 1_000;

	/**
	 * Returns how many new reminders were issued. A chunk of matters at a time, each in its own
	 * transaction: the reminders already recorded are read at once and not written again (every sweep
	 * inserted every threshold every open matter had ever reached), and what a sweep has done is kept
	 * when the node stops (one transaction over 810 000 overdue matters of the benchmark database
	 * never finished between two restarts, and began again each time).
	 */
	public int sweep(LocalDate today) {
		int issued = 0;
		List<DeadlineWatch.DueMatter> due = watch.dueBy(today.plusDays(LOOK_AHEAD_DAYS));
		for (int from = 0; from < due.size(); from += CHUNK) {
			List<DeadlineWatch.DueMatter> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
			issued += transactions.execute(status -> {
				Set<Reminder> recorded = remindersOf(chunk);
				int n = 0;
				for (var m : chunk) {
					n += remind(m, "TARGET", m.targetDue(), today, recorded);
					n += remind(m, "STATUTORY", m.statutoryDue(), today, recorded);
				}
				return n;
			});
		}
		return issued;
	}

	/** A reminder as recorded: its primary key. */
	private record Reminder(long petitionId, String clock, String threshold, LocalDate due) {
	}

	private Set<Reminder> remindersOf(List<DeadlineWatch.DueMatter> matters) {
		return new HashSet<>(jdbc.sql("SELECT petition_id, clock, threshold, due FROM deadline_reminder WHERE petition_id = ANY(?)")
			.param(matters.stream().map(DeadlineWatch.DueMatter::id).toArray(Long[]::new))
			.query(Rows.of(Reminder.class))
			.list());
	}

	private int remind(DeadlineWatch.DueMatter m, String clockName, LocalDate due, LocalDate today, Set<Reminder> recorded) {
		int issued = 0;
		for (var threshold : ReminderRule.reached(m.clockStart(), due, today)) {
			if (recorded.contains(new Reminder(m.id(), clockName, threshold.name(), due))) {
				continue;
			}
			// the key decides between two nodes sweeping at the same moment
			boolean fresh = jdbc.sql("""
					INSERT INTO deadline_reminder (petition_id, clock, threshold, due, created_at) VALUES (?,?,?,?,?)
					ON CONFLICT DO NOTHING""")
				.params(m.id(), clockName, threshold.name(), due, OffsetDateTime.now(clock))
				.update() == 1;
			if (!fresh) {
				continue;
			}
			issued++;
			String text = m.number() + "「" + shorten(m.title()) + "」" + phase(m.phase())
					+ ("TARGET".equals(clockName) ? "目标期限" : "法定期限") + threshold.label + "（" + due + "）";
			for (var recipient : recipients(m, clockName, threshold)) {
				notices.send(recipient.unitCode(), List.of(recipient.role()), m.id(), text);
			}
		}
		return issued;
	}

	record Recipient(String unitCode, Role role) {
	}

	/** The handler always; for a missed statutory limit also the unit head and the supervising bureaus. */
	List<Recipient> recipients(DeadlineWatch.DueMatter m, String clockName, ReminderRule.Threshold threshold) {
		List<Recipient> out = new ArrayList<>();
		String unitCode = m.responsibleUnitCode() != null ? m.responsibleUnitCode() : m.registeringUnitCode();
		Unit unit = directory.unit(unitCode).orElse(null);
		if (unit == null) {
			return out;
		}
		boolean bureauHolds = unit.isPetitionBureau();
		out.add(new Recipient(unit.code(), bureauHolds ? Role.REGISTRAR : Role.CASE_OFFICER));
		if ("STATUTORY".equals(clockName) && threshold == ReminderRule.Threshold.MISSED) {
			out.add(new Recipient(unit.code(), bureauHolds ? Role.REVIEWER : Role.UNIT_HEAD));
			directory.petitionBureauFor(m.regionCode()).ifPresent(b -> out.add(new Recipient(b.code(), Role.SUPERVISOR)));
			directory.units()
				.stream()
				.filter(u -> u.isPetitionBureau() && u.parentCode() == null)
				.findFirst()
				.filter(city -> out.stream().noneMatch(r -> r.unitCode().equals(city.code()) && r.role() == Role.SUPERVISOR))
				.ifPresent(city -> out.add(new Recipient(city.code(), Role.SUPERVISOR)));
		}
		return out;
	}

	private static String phase(String phase) {
		return switch (phase) {
			case "ACCEPT" -> "受理";
			case "APPEAL" -> "复查/复核";
			default -> "办理";
		};
	}

	private static String shorten(String title) {
		return title.length() > 16 ? title.substring(0, 16) + "…" : title;
	}

}
