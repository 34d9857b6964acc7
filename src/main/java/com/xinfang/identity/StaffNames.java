package com.xinfang.identity;

import com.xinfang.organization.Directory;
import com.xinfang.platform.Rows;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	StaffNames(Accounts accounts, Directory directory, JdbcClient jdbc) {
		this.accounts = accounts;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	/** A staff account to choose in a form: its login (the value) and its name and unit (the label). */
	public record Person(String username, String label) {
	}

	/** The staff accounts that have the role, by unit and name: e.g. the leaders a 包案 can go to. */
	public List<Person> withRole(Role role) {
		record Row(String username, String displayName, String unitCode) {
		}
		return jdbc.sql("SELECT u.username, u.display_name, u.unit_code FROM app_user u JOIN user_role r ON r.user_id = u.id "
				+ "WHERE r.role = ? AND u.kind = 'STAFF' ORDER BY u.unit_code, u.display_name")
			.param(role.name())
			.query(Rows.of(Row.class))
			.list()
			.stream()
			.map(r -> new Person(r.username(), r.unitCode() == null ? r.displayName()
					: r.displayName() + " · " + directory.unitName(r.unitCode())))
			.toList();
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
		if (recorded.equals("demo-seed")) {
			return "演示数据";
		}
		if (recorded.startsWith("partner:")) {
			return "合作系统 " + recorded.substring("partner:".length());
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
