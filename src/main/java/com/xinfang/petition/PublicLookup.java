package com.xinfang.petition;

import com.xinfang.platform.DomainException;
import com.xinfang.platform.FailureThrottle;
import com.xinfang.privacy.PersonalDataCipher;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * 查询: anyone with the number and the query code sees the status and the public milestones. A
 * wrong code and an unknown number get the same answer, and failures from one address are
 * throttled so codes cannot be guessed.
 */
@Service
public class PublicLookup {

	static final int FREE_FAILURES = 10;

	private final Petitions petitions;

	private final History history;

	private final PersonalDataCipher cipher;

	private final FailureThrottle throttle;

	private final IssuedDocuments issued;

	private final AppealWindows appeals;

	private final PublicDocumentLinks links;

	PublicLookup(AppealWindows appeals, Petitions petitions, History history, PersonalDataCipher cipher, FailureThrottle throttle,
			IssuedDocuments issued, PublicDocumentLinks links) {
		this.links = links;
		this.appeals = appeals;
		this.issued = issued;
		this.petitions = petitions;
		this.history = history;
		this.cipher = cipher;
		this.throttle = throttle;
	}

	/** Not one transaction: a failed code is counted in its own, without holding another connection. */
	public PetitionViews.PublicStatus lookup(String number, String queryCode, String clientAddress) {
		Petition p = verified(number, queryCode, clientAddress);
		List<PetitionViews.Document> documents = new ArrayList<>(issued.of(p.id(), IssuedDocuments.Reader.PETITIONER)
			.stream()
			// each URL downloads as given, for a while, without the code in it (PublicDocumentLinks)
			.map(d -> new PetitionViews.Document(d.fileName(), links.url(p.number(), d.id()), d.displayName()))
			.toList());
		List<PetitionViews.Milestone> milestones = new ArrayList<>(history.milestones(p.id()));
		String label = p.status().label();
		var original = p.status() == Status.MERGED && p.duplicateOf() != null ? petitions.findByNumber(p.duplicateOf())
				: Optional.<Petition>empty();
		if (original.isPresent()) {
			// a merged repeat is handled as its original: the petitioner follows the original's progress
			label = label + " " + original.get().number() + "（" + original.get().status().label() + "）";
			history.milestones(original.get().id())
				.forEach(m -> milestones.add(new PetitionViews.Milestone(m.at(), "原事项" + m.name())));
			milestones.sort(Comparator.comparing(PetitionViews.Milestone::at));
			Petition o = original.get();
			if (samePetitioners(p, o)) {
				// the original's documents are addressed to this same person: they read them with this code too
				issued.of(o.id(), IssuedDocuments.Reader.PETITIONER)
					.forEach(d -> documents.add(new PetitionViews.Document(d.fileName(), links.url(o.number(), d.id()), "原事项" + d.displayName())));
			}
		}
		return new PetitionViews.PublicStatus(p.number(), p.status().name(), label, p.title(), milestones, documents,
				appeals.of(p));
	}

	/**
	 * Whether the original's documents may be read by the repeat's holder: the same online account, or
	 * every petitioner the original names (by ID number) is among the repeat's. Otherwise the original
	 * is someone else's (Art 30, privacy) and only its milestones are shown.
	 */
	static boolean samePetitioners(Petition repeat, Petition original) {
		if (repeat.kind() == Kind.ACCUSATION || original.kind() == Kind.ACCUSATION) {
			return false;
		}
		if (repeat.citizenUserId() != null && repeat.citizenUserId().equals(original.citizenUserId())) {
			return true;
		}
		var theirs = original.petitioners().stream().map(Petitioner::idNumberIndex).toList();
		var mine = repeat.petitioners().stream().map(Petitioner::idNumberIndex).filter(Objects::nonNull).toList();
		return !theirs.isEmpty() && !theirs.contains(null) && mine.containsAll(theirs);
	}

	/** A document issued to the petitioner, for the holder of the code. */
	public IssuedDocuments.Stored document(String number, String queryCode, String clientAddress, long id) {
		Petition p = verified(number, queryCode, clientAddress);
		return issued.get(p.id(), id, IssuedDocuments.Reader.PETITIONER).orElseThrow(() -> new DomainException.NotFound("文书不存在"));
	}

	/**
	 * A document by the link the lookup listed: the token must be this matter's and this document's
	 * and still valid; anything else is "not found". No code is checked, so nothing is throttled:
	 * a token cannot be guessed.
	 */
	public IssuedDocuments.Stored document(String number, long id, String token) {
		String normalised = number == null ? null : number.strip().toUpperCase();
		return links.verify(normalised, id, token)
			.flatMap(ok -> petitions.findByNumber(normalised))
			.flatMap(p -> issued.get(p.id(), id, IssuedDocuments.Reader.PETITIONER))
			.orElseThrow(() -> new DomainException.NotFound("文书不存在或链接已过期，请重新查询"));
	}

	/** The matter when the code fits; otherwise a failure is counted and "not found" thrown. */
	Petition verified(String number, String queryCode, String clientAddress) {
		String key = "public-query:" + clientAddress;
		long blocked = throttle.secondsBlocked(key);
		if (blocked > 0) {
			throw new DomainException.Throttled(blocked);
		}
		String given = cipher.keyedHash(PetitionNumbers.normaliseQueryCode(queryCode));
		var found = number == null ? Optional.<Petition>empty() : petitions.findByNumber(number.strip().toUpperCase());
		String expected = found.map(Petition::queryCodeHash).orElse("");
		boolean ok = found.isPresent() && MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
				expected.getBytes(StandardCharsets.US_ASCII));
		if (!ok) {
			throttle.recordFailure(key, FREE_FAILURES, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1));
			throw new DomainException.NotFound("信访编号或查询码不正确，请核对后再查");
		}
		return found.get();
	}

}
