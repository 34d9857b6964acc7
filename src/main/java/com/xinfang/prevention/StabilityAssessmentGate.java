package com.xinfang.prevention;

import java.time.LocalDate;
import java.util.Optional;

/**
 * 前置程序: 将重大决策社会稳定风险评估作为党委政府决策的前置程序. A major decision may be recorded as
 * taken only when its latest assessment is complete with the conclusion 可实施 and was completed on or
 * before the day the decision was taken. 暂缓实施 needs a new assessment first; 不实施 stops it.
 * Returns the refusal in words, or empty when the decision may be recorded.
 */
public final class StabilityAssessmentGate {

	public enum Conclusion {

		GO("可实施"), DEFER("暂缓实施"), STOP("不实施");

		private final String label;

		Conclusion(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** The latest assessment as the gate needs it: its conclusion and the day it was completed. */
	public record Latest(Conclusion conclusion, LocalDate completedOn) {
	}

	private StabilityAssessmentGate() {
	}

	public static Optional<String> refusal(Latest latest, LocalDate takenOn) {
		if (latest == null) {
			return Optional.of("该重大决策尚未进行社会稳定风险评估，评估是决策的前置程序，不能记录为已决策");
		}
		return switch (latest.conclusion()) {
			case STOP -> Optional.of("社会稳定风险评估结论为“不实施”，该决策不能实施");
			case DEFER -> Optional.of("社会稳定风险评估结论为“暂缓实施”，须落实化解措施并重新评估为“可实施”后方可决策");
			case GO -> takenOn != null && takenOn.isBefore(latest.completedOn())
					? Optional.of("决策日期早于社会稳定风险评估完成日期（" + latest.completedOn() + "），评估须在决策之前完成") : Optional.empty();
		};
	}

}
