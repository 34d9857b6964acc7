package com.xinfang.casefile;

import java.util.Optional;

/**
 * The early-warning rule (docs/casefile.md "早期预警"): a 类案, or a category in a county or township,
 * grows unusually when the matters received in the last {@link #WINDOW_DAYS} days number at least
 * {@link #MIN_COUNT} and exceed the mean of the {@link #HISTORY_WEEKS} weeks before by more than
 * {@link #SIGMAS} standard deviations (the deviation taken as at least {@link #SD_FLOOR}, so a quiet
 * history of zeros and ones does not make two matters a surge). Each place is measured against its
 * own history only.
 */
record GrowthRule(int current, double mean, double sd) {

	static final int WINDOW_DAYS = 7;

	static final int HISTORY_WEEKS = 8;

	static final int MIN_COUNT = 5;

	static final double SIGMAS = 3.0;

	static final double SD_FLOOR = 1.0;

	/** The rule applied to this window's count and the weekly counts before it (oldest or newest first, no matter). */
	static Optional<GrowthRule> alert(int current, int[] history) {
		double mean = 0;
		for (int h : history) {
			mean += h;
		}
		mean = history.length == 0 ? 0 : mean / history.length;
		double var = 0;
		for (int h : history) {
			var += (h - mean) * (h - mean);
		}
		double sd = history.length == 0 ? 0 : Math.sqrt(var / history.length);
		boolean unusual = current >= MIN_COUNT && current > mean + SIGMAS * Math.max(sd, SD_FLOOR);
		return unusual ? Optional.of(new GrowthRule(current, mean, sd)) : Optional.empty();
	}

	/** The rule in words, for the pages and docs. */
	static String definition() {
		return "近" + WINDOW_DAYS + "日收到的事项不少于" + MIN_COUNT + "件，且超过此前" + HISTORY_WEEKS + "周每周件数的平均数加"
				+ (int) SIGMAS + "倍标准差（标准差至少按" + (int) SD_FLOOR + "计）";
	}

}
