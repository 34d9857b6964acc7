package com.xinfang.casefile;

import static com.xinfang.platform.Texts.blankToNull;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.petition.Confidentiality;
import com.xinfang.petition.PetitionPeople;
import com.xinfang.petition.PetitionScope;
import com.xinfang.petition.RegistrationAdvisor;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.privacy.IdNumber;
import com.xinfang.privacy.MobilePhone;
import com.xinfang.privacy.PersonalDataCipher;
import java.sql.Array;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds matters that may be the same matter as a text (and a person), among those the caller may
 * see. Candidates come from indexes only: the rarest words of the text in the inverted index
 * ({@code casefile_term}) and the person's blind indexes; each candidate is then scored in Java
 * ({@link TextSimilarity}, {@link IdentityRule}, {@link DuplicateScore}).
 */
@Service
@Transactional(readOnly = true)
public class Duplicates {

	/**
	 * The most words looked up, and the most index rows read for them, by {@link Budget#of} (the
	 * indexer's grouping, class cases): the lookup's cost is bounded.
	 */
	static final int MAX_LOOKUP_WORDS = 16;

	static final long POSTING_BUDGET = 15_000;

	static final int TEXT_CANDIDATES = 200;

	public static final int MAX_LIMIT = 50;

	/**
	 * What one lookup may read: at most {@code words} of the text's rarest words, about {@code postings}
	 * index rows for them in all (the rarest three always), and {@code candidates} matters scored.
	 */
	record Budget(int words, long postings, int candidates) {

		/**
		 * The case page and the similar API: 24 of the rarest words, as the registration's
		 * {@link #SUGGESTIONS} (measured there), so what the registration suggested is on the case page too.
		 */
		static final Budget FULL = new Budget(24, POSTING_BUDGET, TEXT_CANDIDATES);

		/** The budget for scoring {@code candidates} matters: the postings in proportion, at least 2 000. */
		static Budget of(int candidates) {
			return new Budget(MAX_LOOKUP_WORDS, Math.max(2_000, POSTING_BUDGET * candidates / TEXT_CANDIDATES), candidates);
		}

		/** The quick lookup's share of the postings for one word. */
		long perWord() {
			return Math.max(100, postings / 3);
		}

		/** The quick lookup (registration, grouping): a share per word, the most recent first. */
		boolean quick() {
			return candidates < TEXT_CANDIDATES;
		}

	}

	/**
	 * The registration's own suggestions, on every registration: more of the text's rarest words than
	 * the case page (a retelling's rarest words are often its own; the shared ones come a little
	 * later), few index rows for them (a word shared by hundreds of matters says little), 20 matters
	 * scored. Measured through the index ({@code bench/lookup-recall.sh}: 480 originals under 30 000
	 * other matters, 2026-12-07): what a registrar is shown (the matters at or above the threshold among
	 * the ten best) is exactly what an exhaustive lookup shows for 106 of the tuning set's 107 positive
	 * questions (the exhaustive lookup's own figure) and for all 245 of the held-out sets', where
	 * (16 words, 3 750 rows, 50 scored) agreed on 238. Chosen as the cheapest budget keeping that: 1 000,
	 * 600, 400 and 300 rows with 20 or 30 scored all kept it (20:45 UTC), 15 scored lost one question of
	 * the tuning set. The order of the matters below the threshold, never shown at registration, agrees
	 * less (the same five best for 190 of 245 instead of 201 with 600 rows and 30 scored).
	 */
	static final Budget SUGGESTIONS = new Budget(24, 300, 20);

	private final JdbcClient jdbc;

	private final TermStatistics weights;

	private final PersonalDataCipher cipher;

	private final Confidentiality confidentiality;

	private final PetitionPeople people;

	private final FingerprintCache fingerprints;

	Duplicates(JdbcClient jdbc, TermStatistics weights, PersonalDataCipher cipher, Confidentiality confidentiality,
			PetitionPeople people, FingerprintCache fingerprints) {
		this.jdbc = jdbc;
		this.fingerprints = fingerprints;
		this.people = people;
		this.weights = weights;
		this.cipher = cipher;
		this.confidentiality = confidentiality;
	}

	/** A matter suggested as the same matter, best first. */
	public record Match(String number, double score, boolean sameIdentity, Set<Reason> reasons, String title,
			String status, String regionCode, OffsetDateTime receivedAt, int personCount) {

		/** 很可能是同一事项 or 可能相关 (DuplicateScore#band). */
		public DuplicateScore.Band band() {
			return DuplicateScore.band(score);
		}

	}

	/** The question of {@code POST /api/v1/text/similar}. */
	public record SimilarQuery(String content, String idNumber, String phone, String name, String regionCode,
			Integer limit) {
	}

	/** Matters like the given text and person, best first (the API's similar). */
	public List<Match> similar(SimilarQuery q, Actor actor) {
		if (q == null || q.content() == null || q.content().isBlank()) {
			throw new DomainException.Invalid("content", "请填写要比对的信访内容");
		}
		if (q.content().length() > 10_000) {
			throw new DomainException.Invalid("content", "比对内容不能超过10000字");
		}
		int limit = q.limit() == null ? 10 : q.limit();
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new DomainException.Invalid("limit", "limit 应在1到" + MAX_LIMIT + "之间");
		}
		String id = blankToNull(IdNumber.normalise(q.idNumber()));
		String phone = blankToNull(MobilePhone.normalise(q.phone()));
		var person = new IdentityRule.Person(blankToNull(q.name()), id == null ? null : cipher.blindIndex("id", id),
				phone == null ? null : cipher.blindIndex("phone", phone));
		List<IdentityRule.Person> people = person.idIndex() == null && person.phoneIndex() == null ? List.of() : List.of(person);
		Subject subject = new Subject(-1, Fingerprint.of(null, q.content()), people, blankToNull(q.regionCode()), null, false);
		return find(subject, actor.scope(), limit, 0.0, linking(actor));
	}

	/** Matters that may be the same as a registered one (not itself), best first. */
	public List<Match> forPetition(String number, Actor actor, int limit) {
		return subject(number).map(s -> find(s, actor.scope(), limit, 0.0, linking(actor))).orElse(List.of());
	}

	/** Suggestions: at the duplicate threshold or of the same person. */
	public List<Match> suggestions(String number, Actor actor) {
		return subject(number).map(s -> suggestions(s, actor)).orElse(List.of());
	}

	/**
	 * The suggestions for a matter registered in the caller's transaction, from what the registration
	 * holds: its words as {@link CaseIndex#queue} computed them a moment ago, its place and people (read
	 * back only when its words are no longer cached).
	 */
	List<Match> suggestions(RegistrationAdvisor.Registered matter, Actor actor) {
		Fingerprint words = fingerprints.known(matter.id());
		if (words == null) {
			return suggestions(matter.number(), actor);
		}
		return suggestions(new Subject(matter.id(), words, persons(matter.people()), matter.regionCode(),
				matter.accusedUnit(), matter.accusation()), actor);
	}

	private List<Match> suggestions(Subject s, Actor actor) {
		return find(s, actor.scope(), 10, 0.0, linking(actor), SUGGESTIONS).stream()
			.filter(m -> m.score() >= DuplicateScore.THRESHOLD || m.sameIdentity())
			.toList();
	}

	/** The new matter as the finder sees it. */
	record Subject(long id, Fingerprint fingerprint, List<IdentityRule.Person> people, String regionCode,
			String accusedUnit, boolean accusation) {

		/** The same matter without its people: what may be matched when its accuser must stay unknown. */
		Subject withoutPeople() {
			return new Subject(id, fingerprint, List.of(), regionCode, accusedUnit, accusation);
		}
	}

	/**
	 * Art 30 for the finder ({@link Confidentiality}): whether the caller may link matters through an
	 * accuser. Without that right an accusation is matched by its text only, and only with other
	 * accusations; any other matter never meets an accusation.
	 */
	record Linking(boolean acrossAccusations) {

		static final Linking ALL = new Linking(true);

		Subject subject(Subject s) {
			return acrossAccusations || !s.accusation() ? s : s.withoutPeople();
		}

		boolean mayPair(Subject s, boolean otherAccusation) {
			return acrossAccusations || s.accusation() == otherAccusation;
		}
	}

	/** For answers that reach no identified reader (a citizen's hint, grouping): never across accusations. */
	static final Linking NO_ACCUSER_LINKS = new Linking(false);

	Linking linking(Actor actor) {
		return new Linking(confidentiality.mayIdentifyAccusers(actor));
	}

	Optional<Subject> subject(String number) {
		return jdbc.sql(SUBJECTS + "WHERE p.number = ? AND " + HAS_WORDS)
			.param(number)
			.query(subjectRow(this::people))
			.optional();
	}

	private static RowMapper<Subject> subjectRow(Function<Long, List<IdentityRule.Person>> peopleOf) {
		return (rs, n) -> new Subject(rs.getLong(1), new Fingerprint(ints(rs.getArray(4)), ints(rs.getArray(5)), rs.getInt(7)),
				peopleOf.apply(rs.getLong(1)), rs.getString(2), rs.getString(3), ACCUSATION.equals(rs.getString(6)));
	}

	private static final String ACCUSATION = "ACCUSATION";

	/**
	 * A matter's words, joined to a petition view aliased {@code p}: its document once the indexer has
	 * written it, its queue row until then (written by its registration, {@link CaseIndex#queue}).
	 * Every reader of a matter's words in this module joins them so ({@link PersonFiles} too). The
	 * queue row is looked up by key per matter, and only without a document (a lateral subquery with
	 * a limit is never flattened): the queue is a churning table whose statistics lag, and a hash join
	 * over it read every dead row of it for each registration's candidates (3.7 ms of 5).
	 */
	static final String WITH_WORDS = "LEFT JOIN casefile_doc d ON d.petition_id = p.id "
			+ "LEFT JOIN LATERAL (SELECT q.terms, q.entities, q.flags FROM casefile_index_queue q WHERE d.petition_id IS NULL "
			+ "AND q.petition_id = p.id AND q.terms IS NOT NULL LIMIT 1) q ON true ";

	static final String TERMS = "coalesce(d.terms, q.terms)";

	private static final String ENTITIES = "coalesce(d.entities, q.entities)";

	private static final String WORDS = TERMS + ", " + ENTITIES;

	/** {@link Fingerprint#flags}: the document's once written, the queue row's until then. */
	private static final String FLAGS = "coalesce(d.flags, q.flags, 0)";

	private static final String HAS_WORDS = "(d.petition_id IS NOT NULL OR q.terms IS NOT NULL)";

	/** The matters as subjects: their facts and words (read with {@link #subjectRow}). */
	private static final String SUBJECTS = "SELECT p.id, p.region_code, p.accused_unit, " + WORDS + ", p.kind, " + FLAGS
			+ " FROM petition_fact p " + WITH_WORDS;

	/** The newest queued matters the finder reads beside the inverted index (the queue is normally a batch's worth). */
	static final int QUEUED_CANDIDATES = 200;

	/** The matter's own people (an accusation's are left out later by {@link Linking#subject} where they must be). */
	private List<IdentityRule.Person> people(long petitionId) {
		return persons(people.identitiesOf(List.of(petitionId), true).getOrDefault(petitionId, List.of()));
	}

	/** The blind indexes a subject's people are known by: only a matter with one of them can be of the same person. */
	private static List<String> idIndexes(Subject s) {
		return s.people().stream().map(IdentityRule.Person::idIndex).filter(Objects::nonNull).toList();
	}

	private static List<String> phoneIndexes(Subject s) {
		return s.people().stream().map(IdentityRule.Person::phoneIndex).filter(Objects::nonNull).toList();
	}

	private static List<IdentityRule.Person> persons(List<PetitionPeople.Identity> identities) {
		return identities.stream().map(i -> new IdentityRule.Person(i.name(), i.idIndex(), i.phoneIndex())).toList();
	}

	List<Match> find(Subject subject, DataScope scope, int limit, double floor, Linking linking) {
		return find(subject, scope, limit, floor, linking, Budget.FULL);
	}

	/** As above, within a lookup budget (the matters found by their words, how many are scored). */
	List<Match> find(Subject subject, DataScope scope, int limit, double floor, Linking linking, Budget budget) {
		Subject s = linking.subject(subject);
		Integer[] rare = byRarity(s.fingerprint().terms());
		var lookup = chosenWords(rare, budget);
		// the queue before the index: a batch that commits between the two statements (each reads what
		// is committed when it starts) has then moved a matter to where the second one looks; read the
		// other way round, a matter the batch was indexing at that moment was in neither
		List<Long> queued = queuedCandidates(lookup, scope);
		Set<Long> ids = new LinkedHashSet<>(textCandidates(lookup, scope, budget));
		ids.addAll(queued);
		var samePeople = identityCandidates(s, scope, linking);
		ids.addAll(samePeople.keySet());
		ids.remove(s.id());
		if (ids.isEmpty()) {
			return List.of();
		}
		return scored(s, ids, linking, samePeople).stream()
			.filter(m -> m.score() > floor || m.sameIdentity())
			.sorted(Comparator.comparingDouble(Match::score).reversed().thenComparing(Match::number))
			.limit(limit)
			.toList();
	}

	/**
	 * The score of one matter against another, for the comparison page; empty when either is
	 * outside the caller's scope.
	 */
	public Optional<Match> compare(String number, String other, Actor actor) {
		var linking = linking(actor);
		var s = subject(number).map(linking::subject);
		if (s.isEmpty()) {
			return Optional.empty();
		}
		List<Object> params = new ArrayList<>();
		params.add(other);
		PetitionScope.addParameter(actor.scope(), params);
		return jdbc.sql("SELECT p.id FROM petition_ref p WHERE p.number = ? AND " + PetitionScope.sql(actor.scope(), "p"))
			.params(params)
			.query(Long.class)
			.optional()
			.filter(id -> id != s.get().id())
			.flatMap(id -> scored(s.get(), Set.of(id), linking).stream().findFirst());
	}

	/** The candidates scored against the subject; those the caller may not pair with it are left out. */
	private List<Match> scored(Subject s, Set<Long> ids, Linking linking) {
		return scored(s, ids, linking, null);
	}

	/**
	 * As above; {@code samePeople}, when given, are all matters within the scope sharing an ID number or
	 * phone with the subject's people, with those petitioners ({@link #identityCandidates}): a candidate
	 * not among them cannot be of the same person, so nothing more is read (unless the lookup hit its
	 * limit).
	 */
	private List<Match> scored(Subject s, Set<Long> ids, Linking linking, Map<Long, List<PetitionPeople.Identity>> samePeople) {
		// Art 30: the accusers of accusations only for those who may link across them (never paired
		// otherwise); only petitioners sharing an ID number or phone with the subject's people, the
		// only ones IdentityRule may call the same person
		Map<Long, List<PetitionPeople.Identity>> peopleOf = samePeople != null && samePeople.size() < IDENTITY_CANDIDATES
				? samePeople
				: people.identitiesSharing(ids, idIndexes(s), phoneIndexes(s), linking.acrossAccusations());
		return candidates(ids).stream()
			.map(c -> match(s, c, peopleOf.getOrDefault(c.id(), List.of()), linking))
			.filter(Objects::nonNull)
			.toList();
	}

	/** A candidate as the score reads it: its facts and its words. */
	record Candidate(long id, String number, String status, String regionCode, String accusedUnit, String title,
			OffsetDateTime receivedAt, int personCount, boolean accusation, Fingerprint fingerprint) {
	}

	/**
	 * The candidates' facts and words in one query; a matter without words is left out. The words of
	 * a cached candidate (most of them: a lookup finds recent matters first) are not read at all, nor
	 * its document row: a lateral subquery with a limit is never flattened, so its condition on the
	 * outer row is a one-time filter and the document is not fetched (at a million matters those were
	 * ~50 random reads of wide rows per registration, mostly outside the shared buffers).
	 */
	private List<Candidate> candidates(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] cached = ids.stream().filter(id -> fingerprints.known(id) != null).toArray(Long[]::new);
		return jdbc.sql("""
				SELECT p.id, p.number, p.status, p.region_code, p.accused_unit, p.title, p.received_at, p.person_count,
				       %s, %s, p.kind, CASE WHEN d.petition_id IS NULL THEN %d ELSE d.fingerprint_version END, %s
				FROM petition_fact p
				LEFT JOIN LATERAL (SELECT d.petition_id, d.terms, d.entities, d.flags, coalesce(d.fingerprint_version, 1) AS fingerprint_version
				    FROM casefile_doc d WHERE NOT (p.id = ANY(?)) AND d.petition_id = p.id LIMIT 1) d ON true
				LEFT JOIN LATERAL (SELECT q.terms, q.entities, q.flags FROM casefile_index_queue q WHERE d.petition_id IS NULL
				    AND NOT (p.id = ANY(?)) AND q.petition_id = p.id AND q.terms IS NOT NULL LIMIT 1) q ON true
				WHERE p.id = ANY(?) AND (p.id = ANY(?) OR %s)""".formatted(TERMS, ENTITIES, Fingerprint.VERSION, FLAGS,
				HAS_WORDS))
			.params(cached, cached, ids.toArray(Long[]::new), cached)
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getInt(8), ACCUSATION.equals(rs.getString(11)),
					fingerprint(rs.getLong(1), rs.getArray(9), rs.getArray(10), rs.getInt(12), rs.getInt(13))))
			.list();
	}

	/** The candidate scored against the subject; null when the reader may not pair them (Art 30, {@link Linking}). */
	private Match match(Subject s, Candidate c, List<PetitionPeople.Identity> theirPeople, Linking linking) {
		if (!linking.mayPair(s, c.accusation())) {
			return null;
		}
		Fingerprint other = c.fingerprint();
		List<IdentityRule.Person> theirs = persons(theirPeople);
		boolean sameIdentity = s.people().stream().anyMatch(a -> theirs.stream().anyMatch(b -> IdentityRule.samePerson(a, b)));
		boolean samePlace = s.regionCode() == null || county(c.regionCode()).equals(county(s.regionCode()));
		boolean sameAccused = s.accusedUnit() != null && s.accusedUnit().equals(c.accusedUnit());
		boolean sameTarget = sameAccused || Fingerprint.common(s.fingerprint().entities(), other.entities()) > 0;
		double text = TextSimilarity.score(s.fingerprint(), other, weights);
		double score = DuplicateScore.of(text, s.fingerprint(), other, weights, samePlace, sameAccused, sameIdentity);
		Set<Reason> reasons = EnumSet.noneOf(Reason.class);
		if (sameIdentity) {
			reasons.add(Reason.SAME_IDENTITY);
		}
		if (text >= DuplicateScore.THRESHOLD) {
			reasons.add(Reason.SIMILAR_TEXT);
		}
		if (samePlace && sameTarget) {
			reasons.add(Reason.SAME_PLACE_AND_TARGET);
		}
		return new Match(c.number(), Math.round(score * 1000) / 1000.0, sameIdentity, reasons, c.title(), c.status(),
				c.regionCode(), BeijingTime.of(c.receivedAt()), c.personCount());
	}

	/** The matters of the indexer's batch as subjects (their words, facts and people), in two queries. */
	List<Subject> subjects(Collection<Long> petitionIds) {
		if (petitionIds.isEmpty()) {
			return List.of();
		}
		Map<Long, List<PetitionPeople.Identity>> peopleOf = people.identitiesOf(petitionIds, true);
		return jdbc.sql(SUBJECTS + "WHERE p.id = ANY(?) AND " + HAS_WORDS + " ORDER BY p.id")
			.param(petitionIds.toArray(Long[]::new))
			.query(subjectRow(id -> persons(peopleOf.getOrDefault(id, List.of()))))
			.list();
	}

	/** A match with the id of the matter it names (for the indexer's grouping, never shown). */
	record Found(long id, Match match) {
	}

	/**
	 * Matters that may be the same matter told by other people (collective matters), for each matter
	 * of the indexer's batch within its own county, best first: they must share a named target, so a
	 * matter naming one is looked up by its targets only, and neither by the person (a match of the
	 * same person is not grouped) nor in the queue (the batch has written its matters' documents before
	 * it groups them). Three statements for the whole batch instead of four for each matter (a batch
	 * of 500 took seconds, and the queue grew under sustained load).
	 */
	Map<Long, List<Found>> sameTargetAll(List<Subject> subjects, int limit, double floor, Budget budget) {
		List<Long> pids = new ArrayList<>();
		List<Integer> terms = new ArrayList<>();
		List<Double> weight = new ArrayList<>();
		List<String> places = new ArrayList<>();
		Map<Long, Subject> byId = new LinkedHashMap<>();
		for (Subject subject : subjects) {
			Subject s = NO_ACCUSER_LINKS.subject(subject);
			byId.put(s.id(), s);
			int[] targets = s.fingerprint().entities();
			var lookup = chosenWords(byRarity(targets.length == 0 ? s.fingerprint().terms() : targets), budget);
			for (int i = 0; i < lookup.terms().size(); i++) {
				pids.add(s.id());
				terms.add(lookup.terms().get(i));
				weight.add(lookup.weights().get(i));
				places.add(county(s.regionCode()) + "%");
			}
		}
		Map<Long, List<Long>> candidatesOf = new HashMap<>();
		if (!pids.isEmpty()) {
			// as textCandidates' quick lookup, per matter: each word's most recent rows within the
			// matter's county, the matters sharing the most weight first (the matter itself among them)
			jdbc.sql("""
					SELECT x.pid, x.petition_id FROM (
					  SELECT s.pid, t.petition_id,
					         row_number() OVER (PARTITION BY s.pid ORDER BY sum(s.w) DESC, t.petition_id DESC) AS rank
					  FROM unnest(?::bigint[], ?::int[], ?::float8[], ?::text[]) AS s(pid, term, w, place)
					  CROSS JOIN LATERAL (SELECT c.petition_id FROM casefile_term c WHERE c.term = s.term AND c.region_code LIKE s.place
					                      ORDER BY c.petition_id DESC LIMIT ?) t
					  GROUP BY s.pid, t.petition_id) x
					WHERE x.rank <= ? AND x.petition_id <> x.pid""")
				.params(pids.toArray(Long[]::new), terms.toArray(Integer[]::new), weight.toArray(Double[]::new),
						places.toArray(String[]::new), budget.perWord(), budget.candidates())
				.query((rs, n) -> candidatesOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
				.list();
		}
		Set<Long> all = new HashSet<>();
		candidatesOf.values().forEach(all::addAll);
		Map<Long, Candidate> facts = new HashMap<>();
		candidates(all).forEach(c -> facts.put(c.id(), c));
		List<String> idIndexes = new ArrayList<>();
		List<String> phoneIndexes = new ArrayList<>();
		byId.values().forEach(s -> {
			idIndexes.addAll(idIndexes(s));
			phoneIndexes.addAll(phoneIndexes(s));
		});
		Map<Long, List<PetitionPeople.Identity>> peopleOf = people.identitiesSharing(all, idIndexes, phoneIndexes, false);
		Map<Long, List<Found>> out = new LinkedHashMap<>();
		for (Subject s : byId.values()) {
			List<Found> found = new ArrayList<>();
			for (Long id : candidatesOf.getOrDefault(s.id(), List.of())) {
				Candidate c = facts.get(id);
				Match m = c == null ? null : match(s, c, peopleOf.getOrDefault(id, List.of()), NO_ACCUSER_LINKS);
				if (m != null && m.score() > floor) {
					found.add(new Found(id, m));
				}
			}
			found.sort(Comparator.comparing((Found f) -> f.match().score()).reversed().thenComparing(f -> f.match().number()));
			out.put(s.id(), found.size() > limit ? List.copyOf(found.subList(0, limit)) : found);
		}
		return out;
	}

	/**
	 * A text's words, rarest first (the lookups read the rarest), words of equal count in the text's
	 * order. Each word's count is read once: a comparator reading two counts per comparison was 2 %
	 * of the app's CPU per registration.
	 */
	private Integer[] byRarity(int[] terms) {
		long[] keyed = new long[terms.length];
		for (int i = 0; i < terms.length; i++) {
			keyed[i] = (long) weights.frequency(terms[i]) << 32 | i;
		}
		Arrays.sort(keyed);
		Integer[] sorted = new Integer[terms.length];
		for (int i = 0; i < keyed.length; i++) {
			sorted[i] = terms[(int) keyed[i]];
		}
		return sorted;
	}

	/** The words a lookup reads, rarest first, and their weights: at most the budget's words and postings. */
	private record Lookup(List<Integer> terms, List<Double> weights) {
	}

	private Lookup chosenWords(Integer[] byRarity, Budget budget) {
		List<Integer> chosen = new ArrayList<>();
		List<Double> weight = new ArrayList<>();
		long postings = 0;
		for (Integer t : byRarity) {
			int df = weights.frequency(t);
			if (chosen.size() >= budget.words() || chosen.size() >= 3 && postings + df > budget.postings()) {
				break;
			}
			postings += df;
			chosen.add(t);
			weight.add(weights.idf(t));
		}
		return new Lookup(chosen, weight);
	}

	/** The matters sharing the most weight of the text's rarest words, within the scope. */
	private List<Long> textCandidates(Lookup lookup, DataScope scope, Budget budget) {
		if (lookup.terms().isEmpty()) {
			return List.of();
		}
		List<Integer> chosen = lookup.terms();
		List<Double> weight = lookup.weights();
		List<Object> params = new ArrayList<>();
		params.add(chosen.toArray(Integer[]::new));
		params.add(weight.toArray(Double[]::new));
		String sql;
		if (scope.type() == DataScope.Type.REGION && budget.quick()) {
			// the quick lookup (registration, grouping): each word reads at most a share of the budget,
			// its most recent matters first (a repeat is usually recent; a word that common carries
			// little weight anyway), so a text of common words costs no more than one of rare words
			// (a function, V370: planned once per connection, where the statement was planned on every call)
			PetitionScope.addParameter(scope, params);
			params.add(budget.perWord());
			params.add(budget.candidates());
			return jdbc.sql("SELECT c.petition_id FROM casefile_quick_candidates(?::int[], ?::float8[], ?, ?, ?) "
					+ "WITH ORDINALITY AS c(petition_id, rank) ORDER BY c.rank")
				.params(params)
				.query(Long.class)
				.list();
		}
		if (scope.type() == DataScope.Type.REGION) {
			// the region travels with each index row: no join with the petitions
			sql = "SELECT t.petition_id FROM unnest(?::int[], ?::float8[]) AS q(term, w) JOIN casefile_term t ON t.term = q.term "
					+ "WHERE t.region_code LIKE ? GROUP BY t.petition_id ORDER BY sum(q.w) DESC LIMIT ?";
		}
		else {
			sql = "SELECT t.petition_id FROM unnest(?::int[], ?::float8[]) AS q(term, w) JOIN casefile_term t ON t.term = q.term "
					+ "JOIN petition_ref p ON p.id = t.petition_id WHERE " + PetitionScope.sql(scope, "p")
					+ " GROUP BY t.petition_id ORDER BY sum(q.w) DESC LIMIT ?";
		}
		PetitionScope.addParameter(scope, params);
		params.add(budget.candidates());
		return jdbc.sql(sql).params(params).query(Long.class).list();
	}

	/**
	 * Matters registered in the last moment, whose words are still in the indexer's queue, sharing
	 * one of the words the index is read for, within the scope, ranked as the index ranks: by the
	 * weight of the words shared (the 20 newest sharing any of the text's 24 rarest words had let
	 * newer matters with one common word push a just-registered identical text out under load). Only
	 * the newest {@link #QUEUED_CANDIDATES} queue rows are read (by the queue's key), so the cost
	 * stays bounded if the indexer falls behind.
	 */
	private List<Long> queuedCandidates(Lookup lookup, DataScope scope) {
		if (lookup.terms().isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(QUEUED_CANDIDATES);
		params.add(lookup.terms().toArray(Integer[]::new));
		PetitionScope.addParameter(scope, params);
		// the newest queue rows first, once (materialised: never re-read per matter of the scope); a
		// region scope filters on the region the row carries, other scopes through petition's view
		String newest = "WITH q AS MATERIALIZED (SELECT petition_id, region_code, terms FROM casefile_index_queue "
				+ "WHERE terms IS NOT NULL ORDER BY petition_id DESC LIMIT ?) ";
		String sql = scope.type() == DataScope.Type.REGION
				? newest + "SELECT q.petition_id, q.terms FROM q WHERE q.terms && ?::int[] AND q.region_code LIKE ?"
				: newest + "SELECT q.petition_id, q.terms FROM q JOIN petition_ref p ON p.id = q.petition_id WHERE q.terms && ?::int[] AND "
						+ PetitionScope.sql(scope, "p");
		// the overlap (&&) is intarray's (V370): PostgreSQL's own compares every pair of elements
		// through a function call, 0.95 ms for 150 queue rows against 0.25 ms (2026-12-08)
		// ranked here, not in SQL: weighing each row's shared words there (a subquery or a join per
		// row) cost 0.8 ms of PostgreSQL per registration; the rows sharing the lookup's rare words
		// are few, and their words are weighed here in microseconds
		Map<Integer, Double> weightOf = new HashMap<>();
		for (int i = 0; i < lookup.terms().size(); i++) {
			weightOf.put(lookup.terms().get(i), lookup.weights().get(i));
		}
		record Sharing(long id, double weight) {
		}
		return jdbc.sql(sql).params(params).query((rs, n) -> {
			double shared = 0;
			for (int t : ints(rs.getArray(2))) {
				shared += weightOf.getOrDefault(t, 0.0);
			}
			return new Sharing(rs.getLong(1), shared);
		})
			.list()
			.stream()
			.sorted(Comparator.comparingDouble(Sharing::weight).reversed().thenComparing(Comparator.comparingLong(Sharing::id).reversed()))
			.limit(20) // scored like the indexed candidates
			.map(Sharing::id)
			.toList();
	}

	/** The most matters looked up by the person's ID number or phone. */
	static final int IDENTITY_CANDIDATES = 100;

	/** The matters of the same ID number or phone within the scope, with those petitioners (the rule is applied on scoring). */
	private Map<Long, List<PetitionPeople.Identity>> identityCandidates(Subject s, DataScope scope, Linking linking) {
		return people.mattersWithIdentity(idIndexes(s), phoneIndexes(s), scope, linking.acrossAccusations(),
				IDENTITY_CANDIDATES);
	}

	/**
	 * A candidate's fingerprint: from the cache, or from the row's arrays, cached when of the current
	 * {@link Fingerprint#VERSION} (an older row is re-fingerprinted by {@link FingerprintRefresh}; a
	 * current one never changes again).
	 */
	private Fingerprint fingerprint(long id, Array terms, Array entities, int version, int flags) throws SQLException {
		if (terms == null) {
			Fingerprint known = fingerprints.known(id);
			if (known != null) {
				return known;
			}
			// evicted since the query was built: read it alone
			return jdbc.sql("SELECT " + WORDS + ", " + FLAGS + " FROM petition_fact p " + WITH_WORDS + "WHERE p.id = ?")
				.param(id)
				.query((rs, n) -> new Fingerprint(ints(rs.getArray(1)), ints(rs.getArray(2)), rs.getInt(3)))
				.single();
		}
		Fingerprint f = new Fingerprint(ints(terms), ints(entities), flags);
		fingerprints.remember(id, f, version);
		return f;
	}

	static String county(String region) {
		return region == null ? "" : region.length() >= 6 ? region.substring(0, 6) : region;
	}

	static int[] ints(Array array) throws SQLException {
		Integer[] values = (Integer[]) array.getArray();
		int[] out = new int[values.length];
		for (int i = 0; i < values.length; i++) {
			out[i] = values[i];
		}
		return out;
	}


}
