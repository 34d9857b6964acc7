package com.xinfang.analytics;

import com.xinfang.organization.Directory;
import com.xinfang.petition.Channel;
import com.xinfang.petition.Status;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.accountability.Duties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The matters behind a figure: the same counting date, region, unit and period as the indicator,
 * read from the petition table. Listed a page at a time, or streamed through a database cursor for
 * an export of any length.
 */
@Service
public class MatterList {

	public static final int PAGE_SIZE = 50;

	public static final List<String> HEADER = List.of("信访编号", "状态", "渠道", "收到时间", "问题属地", "内容分类", "责任单位",
			"标题", "法定期限");

	public record Item(String number, String status, String channel, String receivedAt, String region, String category,
			String unit, String title, LocalDate statutoryDue) {

		public List<Object> cells() {
			return Arrays.asList(number, status, channel, receivedAt, region, category, unit, title,
					statutoryDue == null ? "" : statutoryDue.toString());
		}

	}

	public record Page(List<Item> items, long total, int page) {

		public int pages() {
			return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final NamedParameterJdbcTemplate named;

	private final NamedParameterJdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final Directory directory;

	private final Clock clock;

	MatterList(DataSource dataSource, PlatformTransactionManager txManager, Directory directory, Clock clock) {
		this.named = new NamedParameterJdbcTemplate(dataSource);
		JdbcTemplate cursor = new JdbcTemplate(dataSource);
		cursor.setFetchSize(1000); // with auto-commit off, PostgreSQL sends rows a thousand at a time
		this.streaming = new NamedParameterJdbcTemplate(cursor);
		this.readOnly = new TransactionTemplate(txManager);
		this.readOnly.setReadOnly(true);
		this.directory = directory;
		this.clock = clock;
	}

	/** The condition and parameters selecting the matters an indicator counts. */
	record Selection(String where, MapSqlParameterSource params) {
	}

	Selection select(StatsQuery q, String indicator, String channel, String category) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<String> where = new ArrayList<>();
		where.add("p.region_code LIKE :prefix");
		params.addValue("prefix", q.regionPrefix() + "%");
		String key = indicator == null ? "received" : indicator;
		// the unit a figure belongs to: the one owing the duty for duty-based figures, else the responsible unit
		String unitColumn = "p.responsible_unit_code";
		OffsetDateTime from = q.from().atStartOfDay(BeijingTime.ZONE).toOffsetDateTime();
		OffsetDateTime until = q.to().plusDays(1).atStartOfDay(BeijingTime.ZONE).toOffsetDateTime();
		params.addValue("from", from).addValue("until", until).addValue("today", LocalDate.now(clock));
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);
		params.addValue("fromDay", q.from()).addValue("toDay", q.to().isAfter(yesterday) ? yesterday : q.to());
		switch (key) {
			case "received" -> where.add(in("received_at"));
			case "repeats", "repeatRate" -> {
				where.add(in("received_at"));
				where.add("NOT p.first_time");
			}
			case "beyondLevel" -> {
				where.add(in("received_at"));
				where.add("position('BEYOND_LEVEL' in p.flags) > 0");
			}
			case "toBeijing" -> {
				where.add(in("received_at"));
				where.add("position('TO_BEIJING' in p.flags) > 0");
			}
			case "accepted" -> where.add(in("accepted_at"));
			case "replied" -> where.add(in("replied_at"));
			case "closed", "averageHandlingDays", "oneTimeResolutionRate" -> {
				where.add(in("closed_at"));
				where.add(Status.sqlIn("p", Status.CONCLUDED_ONCE));
			}
			case "backlogResolved", "backlogResolutionRate" -> {
				where.add("EXISTS (SELECT 1 FROM stats_matter s WHERE s.petition_id = p.id AND s.backlog_exit_day BETWEEN :pFrom AND :pTo"
						+ (q.unitCode() != null ? " AND s.accept_unit = :unit" : "") + ")");
				params.addValue("pFrom", q.from()).addValue("pTo", q.to());
				unitColumn = null;
			}
			case "delivered", "ratingRate" -> where.add(in("delivered_at"));
			case "rated", "satisfactionRate" -> {
				where.add(in("delivered_at"));
				where.add("p.satisfaction IS NOT NULL");
			}
			case "overdueOpen" -> {
				where.add(Duties.OVERDUE_OPEN);
				unitColumn = Duties.OVERDUE_UNIT;
			}
			case "backlog" -> {
				where.add(Duties.BACKLOG_NOW);
				unitColumn = Duties.OVERDUE_UNIT;
			}
			// the duty-based figures list their denominator (every duty due in the period up to yesterday, met or not),
			// the two failure rates their numerator, as the rollup counts them
			case "acceptedOnTimeRate", "shouldAcceptNotAcceptedRate" -> {
				where.add("EXISTS (SELECT 1 FROM stats_matter s WHERE s.petition_id = p.id AND s.accept_due_day BETWEEN :fromDay AND :toDay"
						+ (key.startsWith("should") ? " AND s.accept_failed" : "") + (q.unitCode() != null ? " AND s.accept_unit = :unit" : "")
						+ ")");
				unitColumn = null;
			}
			case "closedOnTimeRate", "repliedOnTimeRate", "shouldHandleNotHandledRate" -> {
				where.add("EXISTS (SELECT 1 FROM stats_matter s WHERE s.petition_id = p.id AND s.handle_due_day BETWEEN :fromDay AND :toDay"
						+ (key.startsWith("should") ? " AND s.handle_failed" : "") + ")");
			}
			default -> throw new DomainException.Invalid("indicator", "该指标没有可列出的事项：" + indicator);
		}
		if (q.unitCode() != null) {
			if (unitColumn != null) {
				where.add(unitColumn + " = :unit");
			}
			params.addValue("unit", q.unitCode());
		}
		if (channel != null && !channel.isBlank()) {
			where.add("p.channel = :channel");
			params.addValue("channel", channel);
		}
		if (category != null && !category.isBlank()) {
			where.add("coalesce(p.category_code, '') = :category");
			params.addValue("category", category.equals("-") ? "" : category);
		}
		return new Selection(String.join(" AND ", where), params);
	}

	private static String in(String column) {
		return "p." + column + " >= :from AND p." + column + " < :until";
	}

	private static final String COLUMNS = "p.number, p.status, p.channel, p.received_at, p.region_code, p.category_code, "
			+ "p.responsible_unit_code, p.title, coalesce(p.handle_statutory, p.accept_statutory) AS due";

	public Page page(StatsQuery q, String indicator, String channel, String category, int page) {
		Selection s = select(q, indicator, channel, category);
		int p = Math.max(0, page);
		Long total = named.queryForObject("SELECT count(*) FROM petition_fact p WHERE " + s.where(), s.params(), Long.class);
		s.params().addValue("limit", PAGE_SIZE).addValue("offset", (long) p * PAGE_SIZE);
		List<Item> items = named.query("SELECT " + COLUMNS + " FROM petition_fact p WHERE " + s.where()
				+ " ORDER BY p.received_at DESC, p.id DESC LIMIT :limit OFFSET :offset", s.params(), (rs, i) -> item(rs));
		return new Page(items, total == null ? 0 : total, p);
	}

	/** Every matter of the selection, in order, handed over one at a time as the cursor reads them. */
	public void stream(StatsQuery q, String indicator, String channel, String category, Consumer<Item> sink) {
		Selection s = select(q, indicator, channel, category);
		readOnly.executeWithoutResult(status -> streaming.query("SELECT " + COLUMNS + " FROM petition_fact p WHERE " + s.where()
				+ " ORDER BY p.received_at DESC, p.id DESC", s.params(), rs -> {
					sink.accept(item(rs));
				}));
	}

	private Item item(ResultSet rs) throws SQLException {
		OffsetDateTime received = rs.getObject("received_at", OffsetDateTime.class);
		String status = rs.getString("status");
		String channel = rs.getString("channel");
		return new Item(rs.getString("number"), label(Status.class, status), label(Channel.class, channel),
				received == null ? "" : BeijingTime.of(received).format(TIME), directory.regionPath(rs.getString("region_code")),
				orEmpty(rs.getString("category_code"), directory::categoryName),
				orEmpty(rs.getString("responsible_unit_code"), directory::unitName), rs.getString("title"),
				rs.getObject("due", LocalDate.class));
	}

	private static String orEmpty(String code, Function<String, String> name) {
		return code == null ? "" : name.apply(code);
	}

	private static String label(Class<? extends Enum<?>> type, String name) {
		for (Enum<?> e : type.getEnumConstants()) {
			if (e.name().equals(name)) {
				return e instanceof Status s ? s.label() : e instanceof Channel c ? c.label() : name;
			}
		}
		return name;
	}

}
