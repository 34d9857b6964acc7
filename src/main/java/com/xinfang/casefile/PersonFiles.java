package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.petition.Confidentiality;
import com.xinfang.petition.Flag;
import com.xinfang.petition.PetitionQueries;
import com.xinfang.platform.DomainException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

	private final PetitionQueries queries;

	private final Confidentiality confidentiality;

	PersonFiles(JdbcClient jdbc, PetitionQueries queries, Confidentiality confidentiality) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.confidentiality = confidentiality;
	}

	public record Entry(String number, OffsetDateTime receivedAt, String title, String status, boolean repeat,
			List<String> flags, boolean collective, int personCount) {
	}

	public record PersonFile(String name, String idNumberMasked, String phoneMasked, List<Entry> matters, long firstTime,
			long repeats, long beyondLevel, long toBeijing, long collective) {
	}

	/** The file of the petitioner at position {@code seq} of a matter the caller may see. */
	public PersonFile of(String number, int seq, Actor actor) {
		if (!actor.isStaff()) {
			throw new DomainException.Forbidden("仅工作人员可以查看一人一档");
		}
		var view = queries.find(number, actor);
		if (view.identityProtected() || seq < 0 || seq >= view.petitioners().size()) {
			throw new DomainException.NotFound("该信访人不存在或不在您的查看范围内");
		}
		var shown = view.petitioners().get(seq);
		record Row(long petitionId, String name, String idIndex, String phoneIndex) {
		}
		Row me = jdbc.sql("SELECT x.petition_id, x.name, x.id_number_index AS id_index, x.phone_index FROM petitioner x "
				+ "JOIN petition p ON p.id = x.petition_id WHERE p.number = ? AND x.seq = ?")
			.params(view.number(), seq)
			.query(Row.class)
			.single();
		var person = new IdentityRule.Person(me.name(), me.idIndex(), me.phoneIndex());
		List<Long> ids = new ArrayList<>();
		ids.add(me.petitionId());
		if (me.idIndex() != null || me.phoneIndex() != null) {
			jdbc.sql("SELECT petition_id, name, id_number_index AS id_index, phone_index FROM petitioner WHERE id_number_index = ? OR phone_index = ?")
				.params(me.idIndex(), me.phoneIndex())
				.query(Row.class)
				.list()
				.stream()
				.filter(r -> IdentityRule.samePerson(person, new IdentityRule.Person(r.name(), r.idIndex(), r.phoneIndex())))
				.forEach(r -> ids.add(r.petitionId()));
		}
		List<Object> params = new ArrayList<>();
		params.add(ids.stream().distinct().toArray(Long[]::new));
		if (actor.scope().sqlParameter() != null) {
			params.add(actor.scope().sqlParameter());
		}
		// Art 30: a person's accusations are in their file only for those who may know the accuser
		String accusations = confidentiality.mayIdentifyAccusers(actor) ? ""
				: " AND p.kind IS DISTINCT FROM 'ACCUSATION'";
		List<Entry> matters = new ArrayList<>();
		jdbc.sql("SELECT p.number, p.received_at, p.title, p.status, p.first_time, p.flags, p.person_count, p.group_visit, "
				+ "d.group_id FROM petition p LEFT JOIN casefile_doc d ON d.petition_id = p.id WHERE p.id = ANY(?) AND "
				+ actor.scope().sqlCondition("p") + accusations + " ORDER BY p.received_at, p.id")
			.params(params)
			.query((rs, n) -> {
				List<String> flags = Arrays.stream(rs.getString(6).split(","))
					.filter(s -> !s.isBlank())
					.map(s -> Flag.valueOf(s).label())
					.toList();
				rs.getLong(9);
				boolean grouped = !rs.wasNull();
				boolean repeat = !rs.getBoolean(5); // repeats an earlier matter: first_time false as recorded at registration or merge
				return matters.add(new Entry(rs.getString(1),
						com.xinfang.platform.BeijingTime.of(rs.getObject(2, OffsetDateTime.class)), rs.getString(3),
						rs.getString(4), repeat, flags, grouped || rs.getBoolean(8), rs.getInt(7)));
			})
			.list();
		Set<String> beyond = Set.of(Flag.BEYOND_LEVEL.label()), beijing = Set.of(Flag.TO_BEIJING.label());
		return new PersonFile(shown.name(), shown.idNumberMasked(), shown.phoneMasked(), matters,
				matters.stream().filter(e -> !e.repeat()).count(), matters.stream().filter(Entry::repeat).count(),
				matters.stream().filter(e -> e.flags().stream().anyMatch(beyond::contains)).count(),
				matters.stream().filter(e -> e.flags().stream().anyMatch(beijing::contains)).count(),
				matters.stream().filter(Entry::collective).count());
	}

	static String joined(List<String> s) {
		return s.stream().collect(Collectors.joining("、"));
	}

}
