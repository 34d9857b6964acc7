package com.xinfang.analytics;

import com.xinfang.platform.DomainException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicators of one region, unit and period (definitions in docs/indicators.md). Rates are
 * 0..1 and null when their denominator is zero.
 * <p>
 * The timeliness rates are taken over the duties that fell due in the period (up to yesterday),
 * decided or not, with the definitions of {@code accountability.Duties}: 及时受理率 = acceptance duties met
 * / due, 按期办结率 = handling duties met (办结 by the limit) / due, 按期答复率 = handling duties with an
 * approved reply by the limit / due. A matter still open past its limit is in the denominator and not
 * in the numerator, so 及时受理率 + 应受理未受理率 = 1 and 按期办结率 + 应办理未办理率 = 1 whenever
 * anything fell due.
 * <p>
 * 调解成功率 ({@code mediationSuccessRate}) comes from the mediation module's figures
 * ({@code mediation.MediationFigures}: mediations ended in the period with an agreement ÷ all mediations
 * ended in the period, by the dispute's place); null when nothing was mediated, and for a unit (disputes
 * are not a unit's), as docs/api-contract.md promises.
 */
public record Figures(long received, long accepted, long replied, long closed, long delivered, long rated,
		Map<String, Long> byChannel, long repeats, long beyondLevel, long toBeijing, Double acceptedOnTimeRate,
		Double repliedOnTimeRate, Double closedOnTimeRate, Double satisfactionRate, Double ratingRate, Double repeatRate,
		Double oneTimeResolutionRate, Double averageHandlingDays, long overdueOpen, long backlog, long backlogResolved,
		Double backlogResolutionRate, Double shouldAcceptNotAcceptedRate, Double shouldHandleNotHandledRate, long acceptDue,
		long notAccepted, long handleDue, long notHandled, long repliedInTime, Double mediationSuccessRate) {

	/** The same figures with the 调解成功率 of the same place and period. */
	Figures withMediation(Double rate) {
		return new Figures(received, accepted, replied, closed, delivered, rated, byChannel, repeats, beyondLevel, toBeijing,
				acceptedOnTimeRate, repliedOnTimeRate, closedOnTimeRate, satisfactionRate, ratingRate, repeatRate,
				oneTimeResolutionRate, averageHandlingDays, overdueOpen, backlog, backlogResolved, backlogResolutionRate,
				shouldAcceptNotAcceptedRate, shouldHandleNotHandledRate, acceptDue, notAccepted, handleDue, notHandled, repliedInTime,
				rate == null ? null : Math.round(10000.0 * rate) / 10000.0);
	}

	/** From the summed rollup counts and the two snapshot counts (open matters now). */
	static Figures of(long[] c, long overdueOpen, long backlog) {
		Map<String, Long> channels = new LinkedHashMap<>();
		StatsColumns.CHANNELS.forEach((channel, column) -> channels.put(channel, c[StatsColumns.index(column)]));
		long closed = c[StatsColumns.index("closed")];
		long backlogResolved = c[StatsColumns.index("backlog_resolved")];
		long received = c[StatsColumns.index("received")];
		long acceptDue = c[StatsColumns.index("accept_due")];
		long notAccepted = c[StatsColumns.index("not_accepted")];
		long handleDue = c[StatsColumns.index("handle_due")];
		long notHandled = c[StatsColumns.index("not_handled")];
		long repliedInTime = c[StatsColumns.index("handle_replied")];
		return new Figures(received, c[StatsColumns.index("accepted")], c[StatsColumns.index("replied")], closed,
				c[StatsColumns.index("delivered")], c[StatsColumns.index("rated")], channels, c[StatsColumns.index("repeats")],
				c[StatsColumns.index("beyond_level")], c[StatsColumns.index("to_beijing")], rate(acceptDue - notAccepted, acceptDue),
				rate(repliedInTime, handleDue), rate(handleDue - notHandled, handleDue),
				rate(c[StatsColumns.index("satisfied")], c[StatsColumns.index("rated")]),
				rate(c[StatsColumns.index("rated")], c[StatsColumns.index("delivered")]),
				rate(c[StatsColumns.index("repeats")], received), rate(c[StatsColumns.index("one_time")], closed),
				closed == 0 ? null : Math.round(10.0 * c[StatsColumns.index("handling_days")] / closed) / 10.0, overdueOpen,
				backlog, backlogResolved, rate(backlogResolved, backlogResolved + backlog), rate(notAccepted, acceptDue),
				rate(notHandled, handleDue), acceptDue, notAccepted, handleDue, notHandled, repliedInTime, null);
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
			default -> throw new DomainException.Invalid("indicator", "未知指标：" + indicator);
		};
	}

	/** The indicators in the order of the tables and exports. */
	public static final List<String> NAMES = List.of("received", "accepted", "acceptedOnTimeRate",
			"shouldAcceptNotAcceptedRate", "replied", "repliedOnTimeRate", "closed", "closedOnTimeRate",
			"shouldHandleNotHandledRate", "averageHandlingDays", "oneTimeResolutionRate", "delivered", "rated", "ratingRate",
			"satisfactionRate", "repeats", "repeatRate", "beyondLevel", "toBeijing", "overdueOpen", "backlog", "backlogResolved",
			"backlogResolutionRate", "mediationSuccessRate");

}
