package com.xinfang.prevention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 无上访村(社区) rating rule. Each configured indicator has a comparison (MAX: value ≤ threshold, MIN:
 * value ≥ threshold) and is either a one-vote-veto item (一票否决) or a threshold item. A village is
 * eligible when every indicator passes. An indicator whose value is null does not apply (nothing to
 * measure, e.g. no mediation ended) and passes. The difference between the two kinds is in review:
 * the township may still pass a village that missed a threshold item with a written explanation
 * (情况说明), never one that failed a veto item ({@link #mayPassWithExplanation}).
 */
public final class VillageRatingRule {

	public record Indicator(String code, String name, boolean veto, String comparison, double threshold) {
	}

	public record Line(String code, String name, boolean veto, Double value, String comparison, double threshold, boolean passed,
			String note) {
	}

	public record Result(boolean eligible, boolean vetoed, List<Line> lines) {

		/** Why not, in words: the failed items. */
		public List<String> why() {
			return lines.stream().filter(l -> !l.passed()).map(l -> (l.veto() ? "一票否决：" : "未达标：") + l.note()).toList();
		}

	}

	private VillageRatingRule() {
	}

	public static Result evaluate(List<Indicator> indicators, Map<String, Double> values) {
		return evaluate(indicators, values, true);
	}

	/**
	 * As {@link #evaluate(List, Map)}, with a choice for a value that cannot be measured: a village's rating lets
	 * it pass (不适用: nothing to measure is nothing wrong), the 示范县 progress does not (无数据: a county claims
	 * a criterion only with the figure that shows it, {@link ModelCounty}).
	 */
	public static Result evaluate(List<Indicator> indicators, Map<String, Double> values, boolean unmeasuredPasses) {
		List<Line> lines = new ArrayList<>();
		boolean vetoed = false;
		boolean eligible = true;
		for (Indicator i : indicators) {
			Double v = values.get(i.code());
			boolean passed = v == null ? unmeasuredPasses : ("MAX".equals(i.comparison()) ? v <= i.threshold() + 1e-9 : v >= i.threshold() - 1e-9);
			boolean rate = i.code().endsWith("RATE");
			String note = i.name() + (v == null ? (unmeasuredPasses ? "：不适用" : "：无数据") : "：" + show(v, rate) + ("MAX".equals(i.comparison()) ? "，要求不超过" : "，要求不低于")
					+ show(i.threshold(), rate));
			lines.add(new Line(i.code(), i.name(), i.veto(), v, i.comparison(), i.threshold(), passed, note));
			if (!passed) {
				eligible = false;
				vetoed |= i.veto();
			}
		}
		return new Result(eligible, vetoed, List.copyOf(lines));
	}

	/** The township may pass a village that missed threshold items only, with an explanation; a veto item never. */
	public static boolean mayPassWithExplanation(Result r, String explanation) {
		return r.eligible() || (!r.vetoed() && explanation != null && explanation.strip().length() >= 10);
	}

	static String show(double v, boolean rate) {
		if (rate) {
			return String.format("%.1f%%", v * 100);
		}
		return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.format("%.2f", v);
	}

}
