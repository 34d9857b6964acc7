package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.petition.Status;
import com.xinfang.identity.DataScope;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "你反映的问题可能已在办理中": shown to a citizen before submitting. Their own earlier matters are
 * named (number, title, status); other people's are never named, only counted, and only when
 * near-identical, at the same place and still open.
 */
@Service
@Transactional(readOnly = true)
public class CitizenHints {

	/** Other people's matters must be near-identical before the citizen is told anything. */
	static final double OTHERS_SCORE = 0.45;

	private final Duplicates duplicates;

	CitizenHints(Duplicates duplicates) {
		this.duplicates = duplicates;
	}

	public record Hint(List<Duplicates.Match> own, boolean othersInHandling) {

		public boolean any() {
			return !own.isEmpty() || othersInHandling;
		}

	}

	public Hint before(String content, String regionCode, Actor actor) {
		if (content == null || content.strip().length() < 10 || !actor.isCitizen()) {
			return new Hint(List.of(), false);
		}
		String text = content.length() > 5000 ? content.substring(0, 5000) : content;
		var subject = new Duplicates.Subject(-1, Fingerprint.of(null, text), List.of(),
				regionCode == null || regionCode.isBlank() ? null : regionCode, null, false);
		List<Duplicates.Match> own = duplicates.find(subject, actor.scope(), 3, DuplicateScore.THRESHOLD, Duplicates.Linking.ALL)
			.stream()
			.filter(m -> Status.isOpen(m.status()))
			.toList();
		boolean others = false;
		if (subject.regionCode() != null && subject.regionCode().length() >= 6) {
			others = duplicates.find(subject, DataScope.region(subject.regionCode().substring(0, 6)), 3, OTHERS_SCORE, Duplicates.NO_ACCUSER_LINKS)
				.stream()
				.anyMatch(m -> Status.isOpen(m.status()) && m.reasons().contains(Reason.SAME_PLACE_AND_TARGET)
						&& own.stream().noneMatch(o -> o.number().equals(m.number())));
		}
		return new Hint(own, others);
	}

}
