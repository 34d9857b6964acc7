package com.xinfang.petition.web;

import com.xinfang.petition.PetitionViews;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Petition JSON of api-contract.md as a map, so a response can add fields beside it. */
final class JsonViews {

	private JsonViews() {
	}

	static Map<String, Object> flatten(PetitionViews.PetitionView v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("number", v.number());
		m.put("status", v.status());
		m.put("channel", v.channel());
		m.put("receivedAt", v.receivedAt());
		m.put("registeredAt", v.registeredAt());
		m.put("regionCode", v.regionCode());
		m.put("categoryCode", v.categoryCode());
		m.put("kind", v.kind());
		m.put("complexity", v.complexity());
		m.put("legalChannel", v.legalChannel());
		m.put("title", v.title());
		m.put("content", v.content());
		m.put("petitioners", v.petitioners());
		m.put("personCount", v.personCount());
		m.put("responsibleUnitCode", v.responsibleUnitCode());
		m.put("duplicateOf", v.duplicateOf());
		m.put("deadlines", v.deadlines());
		m.put("overdue", v.overdue());
		m.put("version", v.version());
		if (v.accused() != null) {
			m.put("accused", v.accused());
		}
		m.put("attachments", v.attachments());
		return m;
	}

}
