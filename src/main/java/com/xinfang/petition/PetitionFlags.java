package com.xinfang.petition;

import com.xinfang.identity.Actor;
import com.xinfang.identity.Role;
import com.xinfang.organization.Directory;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Setting a matter's watch flags: a bureau act, recorded in the history. */
@Service
public class PetitionFlags {

	private final PetitionQueries queries;

	private final Directory directory;

	private final History history;

	private final JdbcClient jdbc;

	private final Clock clock;

	PetitionFlags(PetitionQueries queries, Directory directory, History history, JdbcClient jdbc, Clock clock) {
		this.queries = queries;
		this.directory = directory;
		this.history = history;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Set<Flag> set(String number, List<String> names, Actor actor) {
		boolean bureau = directory.isPetitionBureau(actor.unitCode());
		if (!bureau || !actor.hasAny(Role.REGISTRAR, Role.SUPERVISOR)) {
			throw new DomainException.Forbidden("只有信访部门的登记员、督办员可以标注");
		}
		Petition p = queries.load(number, actor);
		Set<Flag> flags = EnumSet.noneOf(Flag.class);
		for (String n : names == null ? List.<String>of() : names) {
			try {
				flags.add(Flag.valueOf(n.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new DomainException.Invalid("flags", "未知标注：" + n);
			}
		}
		jdbc.sql("UPDATE petition SET flags = ? WHERE id = ?")
			.params(flags.stream().map(Enum::name).collect(Collectors.joining(",")), p.id())
			.update();
		history.record(p.id(), clock.instant(), actor.label(), "FLAG", p.status(), p.status(),
				flags.isEmpty() ? "取消标注" : "标注：" + flags.stream().map(Flag::label).collect(Collectors.joining("、")), null);
		return flags;
	}

	@Transactional(readOnly = true)
	public Set<Flag> of(String number, Actor actor) {
		Petition p = queries.load(number, actor);
		return parse(jdbc.sql("SELECT flags FROM petition WHERE id = ?").param(p.id()).query(String.class).single());
	}

	/** The stored column (comma-separated names) as the set it is. */
	static Set<Flag> parse(String stored) {
		Set<Flag> flags = EnumSet.noneOf(Flag.class);
		for (String s : stored.split(",")) {
			if (!s.isBlank()) {
				flags.add(Flag.valueOf(s));
			}
		}
		return flags;
	}

}
