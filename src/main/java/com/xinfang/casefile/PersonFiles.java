package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.organization.Directory;
import com.xinfang.petition.Flag;
import com.xinfang.petition.PetitionPeople;
import com.xinfang.platform.BeijingTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一人一档: every matter of one petitioner that the caller may see, found through the blind
 * indexes of the ID number and phone and confirmed by {@link IdentityRule}; first-time or repeat,
 * 越级 / 进京 counts and the collective matters the person joined.
 */
@Service
@Transactional(readOnly = true)
public class PersonFiles {

	private final JdbcClient jdbc;

	private final PetitionPeople people;

	private final TermStatistics weights;

	private final Directory directory;

	PersonFiles(JdbcClient jdbc, PetitionPeople people, TermStatistics weights, Directory directory) {
		this.weights = weights;
		this.directory = directory;
		this.jdbc = jdbc;
		this.people = people;
	}

	public record Entry(String number, OffsetDateTime receivedAt, String title, String status, boolean repeat,
			List<String> flags, boolean collective, int personCount) {
	}

	/** {@code visitPattern}: 打卡式 visits found ({@link VisitPattern}); information only, never a block. */
	public record PersonFile(String name, String idNumberMasked, String phoneMasked, List<Entry> matters, long firstTime,
			long repeats, long beyondLevel, long toBeijing, long collective, List<VisitPattern.Finding> visitPattern) {
	}

	/**
	 * The file of the petitioner at position {@code seq} of a matter the caller may see. The matters
	 * and Art 30 come from {@link PetitionPeople}: an accusation is in the file only for those who may
	 * know its accuser, and an accuser has no file for anyone else.
	 */
	public PersonFile of(String number, int seq, Actor actor) {
		var me = people.petitioner(number, seq, actor);
		var person = identity(me);
		List<Long> ids = new ArrayList<>();
		ids.add(me.petitionId());
		people.mattersOf(me, actor)
			.stream()
			.filter(other -> IdentityRule.samePerson(person, identity(other)))
			.forEach(other -> ids.add(other.petitionId()));
		List<Entry> matters = new ArrayList<>();
		jdbc.sql("SELECT p.number, p.received_at, p.title, p.status, p.first_time, p.flags, p.person_count, p.group_visit, "
				+ "g.group_id FROM petition_fact p LEFT JOIN casefile_group g ON g.petition_id = p.id WHERE p.id = ANY(?) "
				+ "ORDER BY p.received_at, p.id")
			.param(ids.stream().distinct().toArray(Long[]::new))
			.query((rs, n) -> {
				List<String> flags = Arrays.stream(rs.getString(6).split(","))
					.filter(s -> !s.isBlank())
					.map(s -> Flag.valueOf(s).label())
					.toList();
				rs.getLong(9);
				boolean grouped = !rs.wasNull();
				boolean repeat = !rs.getBoolean(5); // repeats an earlier matter: first_time false as recorded at registration or merge
				return matters.add(new Entry(rs.getString(1),
						BeijingTime.of(rs.getObject(2, OffsetDateTime.class)), rs.getString(3),
						rs.getString(4), repeat, flags, grouped || rs.getBoolean(8), rs.getInt(7)));
			})
			.list();
		Set<String> beyond = Set.of(Flag.BEYOND_LEVEL.label()), beijing = Set.of(Flag.TO_BEIJING.label());
		return new PersonFile(me.name(), me.idNumberMasked(), me.phoneMasked(), matters,
				matters.stream().filter(e -> !e.repeat()).count(), matters.stream().filter(Entry::repeat).count(),
				matters.stream().filter(e -> e.flags().stream().anyMatch(beyond::contains)).count(),
				matters.stream().filter(e -> e.flags().stream().anyMatch(beijing::contains)).count(),
				matters.stream().filter(Entry::collective).count(),
				visitPattern(matters.stream().map(Entry::number).toList()));
	}

	private static IdentityRule.Person identity(PetitionPeople.PersonOnMatter p) {
		return new IdentityRule.Person(p.name(), p.idIndex(), p.phoneIndex());
	}

	/**
	 * The 打卡 pattern over the matters shown: they are one matter when merged into one another or
	 * when their texts score at least {@link DuplicateScore#THRESHOLD}; visits are matters received
	 * by visit (or flagged 越级 / 进京), at the level of the unit that registered them.
	 */
	List<VisitPattern.Finding> visitPattern(List<String> numbers) {
		if (numbers.size() < 2) {
			return List.of();
		}
		record M(long id, String number, String channel, OffsetDateTime receivedAt, String registeringUnitCode,
				String flags, String duplicateOf, OffsetDateTime finalAt, int[] terms) {
		}
		List<M> ms = jdbc.sql("SELECT p.id, p.number, p.channel, p.received_at, p.registering_unit_code, p.flags, p.duplicate_of, "
				+ "(SELECT min(h.at) FROM petition_step h WHERE h.petition_id = p.id AND h.to_status = 'FINAL'), "
				// a matter registered in the last moment is still in the indexer's queue with its words
				+ Duplicates.TERMS + " FROM petition_fact p " + Duplicates.WITH_WORDS + "WHERE p.number = ANY(?) ORDER BY p.received_at, p.id")
			.param(numbers.toArray(String[]::new))
			.query((rs, n) -> new M(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
					rs.getArray(9) == null ? new int[0] : Duplicates.ints(rs.getArray(9))))
			.list();
		int[] group = new int[ms.size()];
		for (int i = 0; i < group.length; i++) {
			group[i] = i;
		}
		for (int i = 0; i < ms.size(); i++) {
			for (int j = 0; j < i; j++) {
				boolean merged = ms.get(i).number().equals(ms.get(j).duplicateOf()) || ms.get(j).number().equals(ms.get(i).duplicateOf());
				boolean alike = TextSimilarity.score(new Fingerprint(ms.get(i).terms(), new int[0]),
						new Fingerprint(ms.get(j).terms(), new int[0]), weights) >= DuplicateScore.THRESHOLD;
				if (merged || alike) {
					int a = root(group, i), b = root(group, j);
					group[Math.max(a, b)] = Math.min(a, b);
				}
			}
		}
		Map<Integer, LocalDate> finalOn = new HashMap<>();
		List<VisitPattern.Visit> visits = new ArrayList<>();
		for (int i = 0; i < ms.size(); i++) {
			M m = ms.get(i);
			int g = root(group, i);
			if (m.finalAt() != null) {
				var day = m.finalAt().atZoneSameInstant(BeijingTime.ZONE).toLocalDate();
				finalOn.merge(g, day, (a, b) -> a.isBefore(b) ? a : b);
			}
			boolean toBeijing = m.flags().contains(Flag.TO_BEIJING.name()), beyond = m.flags().contains(Flag.BEYOND_LEVEL.name());
			if ("VISIT".equals(m.channel()) || toBeijing || beyond) {
				visits.add(new VisitPattern.Visit(m.number(),
						m.receivedAt().atZoneSameInstant(BeijingTime.ZONE).toLocalDate(), g,
						toBeijing ? "进京" : beyond ? "越级" : level(m.registeringUnitCode())));
			}
		}
		return VisitPattern.of(visits, finalOn);
	}

	private static int root(int[] group, int i) {
		while (group[i] != i) {
			i = group[i];
		}
		return i;
	}

	/** The level of the registering unit: 市级 (the city's units), 县级, 乡镇级. */
	private String level(String unitCode) {
		String region = unitCode == null ? null : directory.unit(unitCode).map(u -> u.regionCode()).orElse(null);
		if (region == null) {
			return "未知层级";
		}
		return region.endsWith("00") && region.length() == 6 ? "市级" : region.length() <= 6 ? "县级" : "乡镇级";
	}

	static String joined(List<String> s) {
		return s.stream().collect(Collectors.joining("、"));
	}

}
