package com.xinfang.casefile;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * 打卡式 visits on 一人一档 (the report: "信访人员'打卡'登记、以访施压"): on one matter (the person's
 * matters linked as the same matter), visits at short intervals, visits to several levels, and
 * visits after the matter was concluded (终结). It is information for the bureau, to tell a new
 * request from pressure by visits; it never blocks or changes a registration.
 *
 * <ul>
 * <li>短期内反复到访: at least {@link #SHORT_RUN} visits on one matter, each within
 * {@link #SHORT_DAYS} days of the one before;</li>
 * <li>多层级到访: visits on one matter registered at two or more levels (乡镇, 县, 市, 越级, 进京);</li>
 * <li>终结后到访: a visit on a matter after one of its matters became 终结 (FINAL).</li>
 * </ul>
 */
public final class VisitPattern {

	static final int SHORT_RUN = 3;

	static final int SHORT_DAYS = 30;

	private VisitPattern() {
	}

	/** One visit of the person: the matter it belongs to (its same-matter group) and where it was registered. */
	record Visit(String number, LocalDate date, int matter, String level) {
	}

	/** What was found on one matter, with the dates that show it. */
	public record Finding(String kind, String label, List<LocalDate> dates, List<String> numbers, String detail) {
	}

	/**
	 * @param visits the person's visits
	 * @param finalOn per same-matter group, the first day one of its matters became 终结 (absent when none)
	 */
	static List<Finding> of(List<Visit> visits, Map<Integer, LocalDate> finalOn) {
		Map<Integer, List<Visit>> byMatter = new TreeMap<>();
		for (Visit v : visits) {
			byMatter.computeIfAbsent(v.matter(), k -> new ArrayList<>()).add(v);
		}
		List<Finding> out = new ArrayList<>();
		for (var e : byMatter.entrySet()) {
			List<Visit> list = new ArrayList<>(e.getValue());
			list.sort(Comparator.comparing(Visit::date).thenComparing(Visit::number));
			// the longest run of visits each within SHORT_DAYS of the previous
			List<Visit> best = List.of(), run = new ArrayList<>();
			for (Visit v : list) {
				if (!run.isEmpty() && ChronoUnit.DAYS.between(run.get(run.size() - 1).date(), v.date()) > SHORT_DAYS) {
					run = new ArrayList<>();
				}
				run.add(v);
				if (run.size() > best.size()) {
					best = List.copyOf(run);
				}
			}
			if (best.size() >= SHORT_RUN) {
				out.add(new Finding("SHORT_INTERVALS", "短期内反复到访", dates(best), numbers(best),
						best.size() + "次到访，相邻两次间隔不超过" + SHORT_DAYS + "日"));
			}
			Set<String> levels = new LinkedHashSet<>();
			list.forEach(v -> levels.add(v.level()));
			if (levels.size() >= 2) {
				out.add(new Finding("SEVERAL_LEVELS", "同一事项到多个层级", dates(list), numbers(list), String.join("、", levels)));
			}
			LocalDate concluded = finalOn.get(e.getKey());
			if (concluded != null) {
				List<Visit> after = list.stream().filter(v -> v.date().isAfter(concluded)).toList();
				if (!after.isEmpty()) {
					out.add(new Finding("AFTER_FINAL", "终结后仍到访", dates(after), numbers(after), "终结于" + concluded));
				}
			}
		}
		return out;
	}

	private static List<LocalDate> dates(List<Visit> visits) {
		return visits.stream().map(Visit::date).toList();
	}

	private static List<String> numbers(List<Visit> visits) {
		return visits.stream().map(Visit::number).toList();
	}

}
