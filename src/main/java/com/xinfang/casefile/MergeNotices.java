package com.xinfang.casefile;

import com.xinfang.petition.PetitionMoved;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A repeat merged into its original: whoever handles the original is told, in the merge's own
 * transaction (a staff notice on the original: its responsible unit's case officers, or the
 * registering bureau's registrars while no unit has it yet).
 */
@Component
class MergeNotices {

	private final JdbcClient jdbc;

	private final com.xinfang.supervision.StaffNotices notices;

	MergeNotices(JdbcClient jdbc, com.xinfang.supervision.StaffNotices notices) {
		this.jdbc = jdbc;
		this.notices = notices;
	}

	@EventListener
	void on(PetitionMoved event) {
		if (!"MERGE".equals(event.action())) {
			return;
		}
		record Original(long id, String number, String responsibleUnit, String registeringUnit) {
		}
		jdbc.sql("SELECT o.id, o.number, o.responsible_unit_code AS responsible_unit, o.registering_unit_code AS registering_unit FROM petition r "
				+ "JOIN petition o ON o.number = r.duplicate_of WHERE r.number = ?")
			.param(event.number())
			.query(Original.class)
			.optional()
			.ifPresent(o -> {
				boolean handled = o.responsibleUnit() != null;
				String unit = handled ? o.responsibleUnit() : o.registeringUnit();
				if (unit == null) {
					return;
				}
				notices.send(unit, java.util.List.of(handled ? com.xinfang.identity.Role.CASE_OFFICER : com.xinfang.identity.Role.REGISTRAR),
						o.id(), "信访人再次反映：重复件 " + event.number() + " 已合并至本事项，请一并办理答复");
			});
	}

}
