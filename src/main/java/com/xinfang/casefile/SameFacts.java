package com.xinfang.casefile;

import com.xinfang.petition.SameFactsEvidence;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "The same facts" for the repeat rule (Art 19, Art 36): two matters whose texts score at least
 * {@link DuplicateScore#THRESHOLD} by {@link TextSimilarity} — the duplicate threshold measured by
 * DuplicateQualityTest (94 % of retold repeats above it, 99.6 % of unrelated same-category pairs
 * of one county below it). Texts are fingerprinted here, not read from the index, so the answer does
 * not wait for the index to catch up.
 */
@Component
class SameFacts implements SameFactsEvidence {

	private final JdbcClient jdbc;

	private final TermStatistics weights;

	SameFacts(JdbcClient jdbc, TermStatistics weights) {
		this.jdbc = jdbc;
		this.weights = weights;
	}

	@Override
	public Set<Long> sameFacts(long petitionId, Collection<Long> earlierIds) {
		if (earlierIds.isEmpty()) {
			return Set.of();
		}
		Map<Long, Fingerprint> prints = new HashMap<>();
		Long[] ids = Stream.concat(Stream.of(petitionId), earlierIds.stream())
			.distinct()
			.toArray(Long[]::new);
		jdbc.sql("SELECT id, title, content FROM petition_text WHERE id = ANY(?)")
			.param(ids)
			.query((rs, n) -> prints.put(rs.getLong(1), Fingerprint.of(rs.getString(2), rs.getString(3))))
			.list();
		Fingerprint subject = prints.get(petitionId);
		if (subject == null) {
			return Set.of();
		}
		return earlierIds.stream()
			.filter(id -> prints.containsKey(id) && TextSimilarity.score(subject, prints.get(id), weights) >= DuplicateScore.THRESHOLD)
			.collect(Collectors.toSet());
	}

	@Override
	public String definition() {
		return "同一信访人（身份证号一致）且内容相似度不低于" + DuplicateScore.THRESHOLD;
	}

}
