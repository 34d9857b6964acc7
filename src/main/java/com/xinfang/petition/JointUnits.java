package com.xinfang.petition;

import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The units called in to handle a matter jointly (信访吹哨、部门报到). They see the matter in their
 * data scope alongside the responsible (lead) unit, but the lifecycle acts stay with the lead unit.
 */
@Service
public class JointUnits {

	private final JdbcClient jdbc;

	JointUnits(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the units to the matter's joint units (idempotent). */
	@Transactional
	public void callIn(String number, Collection<String> unitCodes) {
		jdbc.sql("""
				UPDATE petition SET joint_units = ARRAY(SELECT DISTINCT u FROM unnest(joint_units || ?::text[]) u ORDER BY u)
				WHERE number = ?""")
			.params(unitCodes.toArray(String[]::new), number)
			.update();
	}

}
