package com.xinfang.petition;

import java.lang.reflect.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a newly registered matter and its petitioners in two statements. Registration is the
 * hottest write of the platform; Spring Data JDBC's generic save renders its INSERT and walks
 * every property through its converters on each call (a sixth of a registration's CPU when
 * profiled), so the first write of the aggregate is spelt out here. Later changes still go through
 * {@link Petitions#save}, which sees the version this sets (1, as Spring Data's own first save).
 */
@Component
class NewPetitions {

	/** Spring Data JDBC counts a primitive version from 0 (new) and stores 1 on the first insert. */
	static final int FIRST_VERSION = 1;

	private final JdbcClient jdbc;

	NewPetitions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Petition insert(Petition p) {
		long id = jdbc.sql("""
				INSERT INTO petition (number, query_code_hash, status, channel, received_at, registered_at, region_code,
				    category_code, kind, complexity, legal_channel, title, content, person_count, group_visit, first_time,
				    accused_unit, accused_unit_code, accused_person, responsible_unit_code, registering_unit_code,
				    registered_by, citizen_user_id, duplicate_of, accept_target, accept_statutory, handle_target,
				    handle_statutory, version)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id""")
			.params(p.number(), p.queryCodeHash(), p.status().name(), p.channel().name(), utc(p.receivedAt()),
					utc(p.registeredAt()), p.regionCode(), p.categoryCode(), name(p.kind()),
					name(p.complexity()), name(p.legalChannel()), p.title(), p.content(), p.personCount(),
					p.groupVisit(), p.firstTime(), p.accusedUnit(), p.accusedUnitCode(), p.accusedPerson(),
					p.responsibleUnitCode(), p.registeringUnitCode(), p.registeredBy(), p.citizenUserId(),
					p.duplicateOf(), p.acceptTarget(), p.acceptStatutory(), p.handleTarget(), p.handleStatutory(),
					FIRST_VERSION)
			.query(Long.class)
			.single();
		List<Object[]> rows = new ArrayList<>();
		int seq = 0;
		for (Petitioner x : p.petitioners()) {
			rows.add(new Object[] { id, seq++, x.name(), x.idNumberEnc(), x.idNumberIndex(), x.idNumberMask(), x.phoneEnc(),
					x.phoneIndex(), x.phoneMask(), x.addressEnc(), x.representative() });
		}
		if (!rows.isEmpty()) {
			jdbc.sql("""
					INSERT INTO petitioner (petition_id, seq, name, id_number_enc, id_number_index, id_number_mask, phone_enc,
					    phone_index, phone_mask, address_enc, representative)
					SELECT * FROM unnest(?::bigint[], ?::int[], ?::varchar[], ?::bytea[], ?::varchar[], ?::varchar[], ?::bytea[],
					    ?::varchar[], ?::varchar[], ?::bytea[], ?::boolean[])""")
				.params(column(rows, 0, Long.class), column(rows, 1, Integer.class), column(rows, 2, String.class),
						column(rows, 3, byte[].class), column(rows, 4, String.class), column(rows, 5, String.class),
						column(rows, 6, byte[].class), column(rows, 7, String.class), column(rows, 8, String.class),
						column(rows, 9, byte[].class), column(rows, 10, Boolean.class))
				.update();
		}
		p.stored(id, FIRST_VERSION);
		return p;
	}

	private static OffsetDateTime utc(Instant at) {
		return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
	}

	private static String name(Enum<?> e) {
		return e == null ? null : e.name();
	}

	@SuppressWarnings("unchecked")
	private static <T> T[] column(List<Object[]> rows, int i, Class<T> type) {
		T[] out = (T[]) Array.newInstance(type, rows.size());
		for (int r = 0; r < rows.size(); r++) {
			out[r] = (T) rows.get(r)[i];
		}
		return out;
	}

}
