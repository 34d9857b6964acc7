package com.xinfang.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The indicators of one region, unit and period (definitions in docs/indicators.md). Rates are
 * 0..1 and null when their denominator is zero. 应受理未受理率 and 应办理未办理率 follow the supervision
 * module's definitions (duties that fell due in the period up to yesterday); 调解成功率 stays null
 * until a mediation module provides it.
 */
public record Figures(long received, long accepted, long replied, long closed, long delivered, long rated,
		Map<String, Long> byChannel, long repeats, long beyondLevel, long toBeijing, Double acceptedOnTimeRate,
		Double repliedOnTimeRate, Double closedOnTimeRate, Double satisfactionRate, Double ratingRate, Double repeatRate,
		Double oneTimeResolutionRate, Double averageHandlingDays, long overdueOpen, long backlog, long backlogResolved,
		Double backlogResolutionRate, Double shouldAcceptNotAcceptedRate, Double shouldHandleNotHandledRate,
		Double mediationSuccessRate, long acceptDue, long notAccepted, long handleDue, long notHandled) {

	/** From the summed rollup counts and the two snapshot counts (open matters now). */
	static Figures of(long[] c, long overdueOpen, long backlog) {
		Map<String, Long> channels = new LinkedHashMap<>();
		StatsColumns.CHANNELS.forEach((channel, column) -> channels.put(channel, c[StatsColumns.index(column)]));
		long closed = c[StatsColumns.index("closed")];
		long closeTimed = c[StatsColumns.index("close_timed")];
		long closedLate = closeTimed - c[StatsColumns.index("close_on_time")];
		long received = c[StatsColumns.index("received")];
		return new Figures(received, c[StatsColumns.index("accepted")], c[StatsColumns.index("replied")], closed,
				c[StatsColumns.index("delivered")], c[StatsColumns.index("rated")], channels, c[StatsColumns.index("repeats")],
				c[StatsColumns.index("beyond_level")], c[StatsColumns.index("to_beijing")],
				rate(c[StatsColumns.index("accept_on_time")], c[StatsColumns.index("accept_timed")]),
				rate(c[StatsColumns.index("reply_on_time")], c[StatsColumns.index("reply_timed")]),
				rate(c[StatsColumns.index("close_on_time")], closeTimed),
				rate(c[StatsColumns.index("satisfied")], c[StatsColumns.index("rated")]),
				rate(c[StatsColumns.index("rated")], c[StatsColumns.index("delivered")]),
				rate(c[StatsColumns.index("repeats")], received), rate(c[StatsColumns.index("one_time")], closed),
				closed == 0 ? null : Math.round(10.0 * c[StatsColumns.index("handling_days")] / closed) / 10.0, overdueOpen,
				backlog, closedLate, rate(closedLate, closedLate + backlog),
				rate(c[StatsColumns.index("not_accepted")], c[StatsColumns.index("accept_due")]),
				rate(c[StatsColumns.index("not_handled")], c[StatsColumns.index("handle_due")]), null,
				c[StatsColumns.index("accept_due")], c[StatsColumns.index("not_accepted")], c[StatsColumns.index("handle_due")],
				c[StatsColumns.index("not_handled")]);
	}

	static Double rate(long numerator, long denominator) {
		return denominator <= 0 ? null : Math.round(10000.0 * numerator / denominator) / 10000.0;
	}

	/** A figure by its name (the keys the dashboard and exports use). */
	public Number value(String indicator) {
		return switch (indicator) {
			case "received" -> received;
			case "accepted" -> accepted;
			case "replied" -> replied;
			case "closed" -> closed;
			case "delivered" -> delivered;
			case "rated" -> rated;
			case "repeats" -> repeats;
			case "beyondLevel" -> beyondLevel;
			case "toBeijing" -> toBeijing;
			case "acceptedOnTimeRate" -> acceptedOnTimeRate;
			case "repliedOnTimeRate" -> repliedOnTimeRate;
			case "closedOnTimeRate" -> closedOnTimeRate;
			case "satisfactionRate" -> satisfactionRate;
			case "ratingRate" -> ratingRate;
			case "repeatRate" -> repeatRate;
			case "oneTimeResolutionRate" -> oneTimeResolutionRate;
			case "averageHandlingDays" -> averageHandlingDays;
			case "overdueOpen" -> overdueOpen;
			case "backlog" -> backlog;
			case "backlogResolved" -> backlogResolved;
			case "backlogResolutionRate" -> backlogResolutionRate;
			case "shouldAcceptNotAcceptedRate" -> shouldAcceptNotAcceptedRate;
			case "shouldHandleNotHandledRate" -> shouldHandleNotHandledRate;
			case "mediationSuccessRate" -> mediationSuccessRate;
			default -> throw new com.xinfang.platform.DomainException.Invalid("indicator", "未知指标：" + indicator);
		};
	}

	/** The indicators in the order of the tables and exports. */
	public static final java.util.List<String> NAMES = java.util.List.of("received", "accepted", "acceptedOnTimeRate",
			"replied", "repliedOnTimeRate", "closed", "closedOnTimeRate", "averageHandlingDays", "oneTimeResolutionRate",
			"delivered", "rated", "ratingRate", "satisfactionRate", "repeats", "repeatRate", "beyondLevel", "toBeijing",
			"overdueOpen", "backlog", "backlogResolved", "backlogResolutionRate", "shouldAcceptNotAcceptedRate",
			"shouldHandleNotHandledRate", "mediationSuccessRate");

	public static boolean isRate(String indicator) {
		return indicator.endsWith("Rate");
	}

}
