package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a matter may not be accepted because it was already:
 * <ul>
 * <li>accepted and is still being handled (Art 19: a higher level does not accept it again), or</li>
 * <li>concluded by 复核 (Art 36: the same facts and reasons are not accepted again, 终结).</li>
 * </ul>
 * "The same matter" is, for now, the same person (ID number blind index) with the same content
 * category; the text-similarity module refines it.
 */
@Component
class RepeatRule {

	static final List<String> IN_HANDLING = List.of("ACCEPTED", "REPLY_PENDING_APPROVAL", "REPLIED", "DELIVERED",
			"CLOSE_PENDING_APPROVAL", "REEXAMINATION", "REVIEW");

	private final JdbcClient jdbc;

	RepeatRule(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void checkAcceptable(Petition p, Actor actor) {
		List<String> ids = p.petitioners().stream().map(Petitioner::idNumberIndex).filter(Objects::nonNull).toList();
		if (ids.isEmpty() || p.categoryCode() == null) {
			return;
		}
		String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
		List<Object> params = new java.util.ArrayList<>();
		params.add(p.id());
		params.add(p.categoryCode());
		params.addAll(ids);
		record Earlier(String number, String status) {
		}
		List<Earlier> earlier = jdbc.sql("SELECT DISTINCT e.number, e.status FROM petition e JOIN petitioner x ON x.petition_id = e.id "
				+ "WHERE e.id <> ? AND e.category_code = ? AND x.id_number_index IN (" + in + ") ORDER BY e.number")
			.params(params)
			.query(Earlier.class)
			.list();
		earlier.stream().filter(e -> "FINAL".equals(e.status())).findFirst().ifPresent(e -> {
			throw new DomainException.Conflict("该信访人就同一事项的信访（" + e.number()
					+ "）已经复核终结，依据《信访工作条例》第三十六条不再受理；请出具不再受理告知书");
		});
		earlier.stream().filter(e -> IN_HANDLING.contains(e.status())).findFirst().ifPresent(e -> {
			throw new DomainException.Conflict("该信访人就同一事项已有在办信访事项（" + e.number()
					+ "），依据《信访工作条例》第十九条不重复受理；可合并至该事项");
		});
	}

	/** The earlier concluded matter of the same person and category, if any (for 不再受理告知书). */
	java.util.Optional<String> concludedEarlier(Petition p) {
		List<String> ids = p.petitioners().stream().map(Petitioner::idNumberIndex).filter(Objects::nonNull).toList();
		if (ids.isEmpty() || p.categoryCode() == null) {
			return java.util.Optional.empty();
		}
		String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
		List<Object> params = new java.util.ArrayList<>();
		params.add(p.id());
		params.add(p.categoryCode());
		params.addAll(ids);
		return jdbc.sql("SELECT e.number FROM petition e JOIN petitioner x ON x.petition_id = e.id WHERE e.id <> ? "
				+ "AND e.category_code = ? AND e.status = 'FINAL' AND x.id_number_index IN (" + in + ") LIMIT 1")
			.params(params)
			.query(String.class)
			.optional();
	}

}
