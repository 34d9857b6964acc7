package com.xinfang.calendar;

import com.xinfang.calendar.internal.CalendarStore;
import com.xinfang.calendar.internal.TimeLimitProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The named time-limit policies: which rule applies to a limit, and when it falls due.
 *
 * <p>
 * Rules are data ({@code time_limit_rule}). Under a policy, a limit is looked up by the matter's
 * complexity, then by a rule for any complexity. When the complexity is unknown ({@code null}) and
 * the policy only has rules for simple and complex matters, the strictest (fewest days) applies, so
 * a warning comes too early rather than too late. A local policy only tightens what it names: a
 * limit it has no rule for keeps the statutory rule.
 *
 * <p>
 * Which policy is the target clock and which the statutory clock is set per deployment
 * ({@code xinfang.time-limits.target-policy}, default CHANGDE_3530;
 * {@code xinfang.time-limits.statutory-policy}, default STATUTORY).
 */
@Service
public class TimeLimitPolicies {

	private static final Comparator<TimeLimitRule> STRICTEST = Comparator.comparingInt(TimeLimitRule::days)
		.thenComparing(r -> r.unit() == DayUnit.CALENDAR_DAYS ? 0 : 1);

	private final WorkingCalendar calendar;

	private final Supplier<List<TimeLimitRule>> rules;

	private final Policy target;

	private final Policy statutory;

	@Autowired
	TimeLimitPolicies(WorkingCalendar calendar, CalendarStore store, TimeLimitProperties properties) {
		this(calendar, store::rules, new Policy(properties.targetPolicy()), new Policy(properties.statutoryPolicy()));
	}

	private TimeLimitPolicies(WorkingCalendar calendar, Supplier<List<TimeLimitRule>> rules, Policy target,
			Policy statutory) {
		this.calendar = Objects.requireNonNull(calendar);
		this.rules = rules;
		this.target = Objects.requireNonNull(target);
		this.statutory = Objects.requireNonNull(statutory);
	}

	/** Policies over fixed rules, for tests and tools outside Spring. */
	public static TimeLimitPolicies of(WorkingCalendar calendar, Collection<TimeLimitRule> rules, Policy target,
			Policy statutory) {
		List<TimeLimitRule> copy = List.copyOf(rules);
		return new TimeLimitPolicies(calendar, () -> copy, target, statutory);
	}

	/** The local target clock of this deployment (missing it is a warning). */
	public Policy targetPolicy() {
		return target;
	}

	/** The statutory clock of this deployment (missing it is overdue). */
	public Policy statutoryPolicy() {
		return statutory;
	}

	/**
	 * The rule that applies under {@code policy} to {@code limit} for a matter of {@code complexity}
	 * ({@code null} when not yet known). Its {@code policy()} is the statutory policy when the
	 * given policy has no rule of its own for the limit.
	 */
	public TimeLimitRule rule(Policy policy, TimeLimit limit, TimeLimitComplexity complexity) {
		List<TimeLimitRule> all = rules.get();
		return own(all, policy, limit, complexity)
			.or(() -> own(all, statutory, limit, complexity))
			.orElseGet(() -> TimeLimitRule.statutory(limit));
	}

	/** The last day of {@code limit} under {@code policy} for a period starting on {@code start}. */
	public LocalDate due(Policy policy, TimeLimit limit, TimeLimitComplexity complexity, LocalDate start) {
		return deadline(policy, limit, complexity, start).due();
	}

	public Deadline deadline(Policy policy, TimeLimit limit, TimeLimitComplexity complexity, LocalDate start) {
		TimeLimitRule rule = rule(policy, limit, complexity);
		return new Deadline(rule, rule.dueFrom(start, calendar));
	}

	/** Both clocks of a limit: the deployment's target and statutory policies. */
	public TwoClocks clocks(TimeLimit limit, TimeLimitComplexity complexity, LocalDate start) {
		return new TwoClocks(deadline(target, limit, complexity, start), deadline(statutory, limit, complexity, start));
	}

	/**
	 * What applies under {@code policy}, limit by limit in the order of {@link TimeLimit}: the
	 * policy's own rules (one per complexity it distinguishes), or the inherited statutory rule.
	 */
	public List<TimeLimitRule> effectiveRules(Policy policy) {
		List<TimeLimitRule> all = rules.get();
		List<TimeLimitRule> out = new ArrayList<>();
		for (TimeLimit limit : TimeLimit.values()) {
			List<TimeLimitRule> own = all.stream()
				.filter(r -> r.policy().equals(policy) && r.limit() == limit)
				.sorted(Comparator.comparing(r -> r.complexity() == null ? -1 : r.complexity().ordinal()))
				.toList();
			out.addAll(own.isEmpty() ? List.of(rule(policy, limit, null)) : own);
		}
		return out;
	}

	private static Optional<TimeLimitRule> own(List<TimeLimitRule> all, Policy policy, TimeLimit limit,
			TimeLimitComplexity complexity) {
		List<TimeLimitRule> candidates = all.stream()
			.filter(r -> r.policy().equals(policy) && r.limit() == limit)
			.toList();
		if (complexity != null) {
			Optional<TimeLimitRule> exact = candidates.stream().filter(r -> r.complexity() == complexity).findFirst();
			if (exact.isPresent()) {
				return exact;
			}
		}
		Optional<TimeLimitRule> any = candidates.stream().filter(TimeLimitRule::forAnyComplexity).findFirst();
		if (any.isPresent() || complexity != null) {
			return any;
		}
		return candidates.stream().min(STRICTEST);
	}

}
