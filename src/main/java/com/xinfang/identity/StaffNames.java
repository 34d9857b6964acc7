package com.xinfang.identity;

import com.xinfang.organization.Directory;
import org.springframework.stereotype.Component;

/**
 * People, not login ids: what a timeline or the audit log recorded ({@code hr.officer},
 * {@code citizen:42}, {@code system}) as a reader wants it (王科长 · 市人力资源和社会保障局, 信访人,
 * 系统). An unknown label is shown as recorded.
 */
@Component
public class StaffNames {

	private final Accounts accounts;

	private final Directory directory;

	StaffNames(Accounts accounts, Directory directory) {
		this.accounts = accounts;
		this.directory = directory;
	}

	public String of(String recorded) {
		if (recorded == null || recorded.isBlank()) {
			return "";
		}
		if (recorded.startsWith("citizen:") || recorded.equals("信访人")) {
			return "信访人";
		}
		if (recorded.equals("system") || recorded.startsWith("system:")) {
			return "系统";
		}
		return accounts.actorByUsername(recorded)
			.filter(Actor::isStaff)
			.map(a -> a.unitCode() == null ? a.displayName() : a.displayName() + " · " + directory.unitName(a.unitCode()))
			.orElse(recorded);
	}

	/** A unit's name for its code (CD-ZJJ → 市住房和城乡建设局), or the text itself. */
	public String unit(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return directory.unit(code.strip()).map(u -> u.name()).orElse(code);
	}

}
