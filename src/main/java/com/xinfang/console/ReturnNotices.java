package com.xinfang.console;

import com.xinfang.identity.Role;
import com.xinfang.notification.StaffNotices;
import com.xinfang.petition.Action;
import com.xinfang.petition.PetitionMoved;
import com.xinfang.petition.Status;
import com.xinfang.platform.Rows;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A draft 处理意见书 sent back by the unit head (退回修改): the unit's case officers are told on their
 * 工作台, with the head's reason, in the same transaction (like the merge notice).
 */
@Component
class ReturnNotices {

	private final JdbcClient jdbc;

	private final StaffNotices notices;

	ReturnNotices(JdbcClient jdbc, StaffNotices notices) {
		this.jdbc = jdbc;
		this.notices = notices;
	}

	@EventListener
	void on(PetitionMoved event) {
		if (event.action() != Action.RETURN
				|| event.fromStatus() != Status.REPLY_PENDING_APPROVAL) {
			return;
		}
		record Returned(long id, String unit, String note) {
		}
		jdbc.sql("SELECT p.id, p.responsible_unit_code AS unit, h.note FROM petition_ref p "
				+ "JOIN petition_step h ON h.petition_id = p.id AND h.action = 'RETURN' "
				+ "WHERE p.number = ? ORDER BY h.at DESC, h.id DESC LIMIT 1")
			.param(event.number())
			.query(Rows.of(Returned.class))
			.optional()
			.filter(r -> r.unit() != null)
			.ifPresent(r -> notices.send(r.unit(), List.of(Role.CASE_OFFICER), r.id(),
					"处理意见书被退回修改（" + (r.note() == null ? "" : r.note().replaceFirst("^退回修改：", "")) + "），请修改后重新提交"));
	}

}
