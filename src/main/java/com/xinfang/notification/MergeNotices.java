package com.xinfang.notification;

import com.xinfang.identity.Role;
import com.xinfang.petition.PetitionMerged;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A repeat merged into its original: whoever handles the original is told, in the merge's own
 * transaction (a staff notice on the original: its responsible unit's case officers, or the
 * registering bureau's registrars while no unit has it yet). The event names them.
 */
@Component
class MergeNotices {

	private final StaffNotices notices;

	MergeNotices(StaffNotices notices) {
		this.notices = notices;
	}

	@EventListener
	void on(PetitionMerged event) {
		boolean handled = event.originalResponsibleUnitCode() != null;
		String unit = handled ? event.originalResponsibleUnitCode() : event.originalRegisteringUnitCode();
		if (unit == null) {
			return;
		}
		notices.send(unit, List.of(handled ? Role.CASE_OFFICER : Role.REGISTRAR), event.originalId(),
				"信访人再次反映：重复件 " + event.number() + " 已合并至本事项，请一并办理答复");
	}

}
