package com.xinfang.petition;

import com.xinfang.organization.Directory;
import com.xinfang.organization.Unit;
import com.xinfang.platform.DomainException.FieldProblem;
import java.util.List;

/**
 * The accused unit of a matter (反映对象): a unit of the directory when it is one, so that Art 30's
 * check compares codes, not spellings. A unit typed in words that names exactly one directory unit
 * ("住建局", "常德市住房和城乡建设局") is taken as that unit; an organisation outside the directory (a
 * village committee, a company) stays in words.
 */
final class AccusedUnit {

	private AccusedUnit() {
	}

	/** The directory code of the accused unit, or null; a code that is not in the directory is a problem. */
	static String code(Directory directory, String code, String text, List<FieldProblem> problems) {
		if (code != null && !code.isBlank()) {
			if (directory.unit(code.strip()).isEmpty()) {
				problems.add(new FieldProblem("accused.unitCode", "被反映单位不在单位目录中，请从目录中选择"));
				return null;
			}
			return code.strip();
		}
		if (text == null || text.isBlank()) {
			return null;
		}
		String typed = text.strip();
		List<Unit> exact = directory.units().stream().filter(u -> u.name().equals(typed) || ("常德" + u.name()).equals(typed)).toList();
		if (exact.size() == 1) {
			return exact.get(0).code();
		}
		List<Unit> named = directory.units().stream().filter(u -> ConfidentialityRule.names(typed, u.name())).toList();
		return named.size() == 1 ? named.get(0).code() : null;
	}

	/** The accused unit as words: the directory's name for a chosen unit, else what was typed. */
	static String text(Directory directory, String code, String typed) {
		if (code != null) {
			return directory.unitName(code);
		}
		return typed == null || typed.isBlank() ? null : typed.strip();
	}

}
