package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import com.xinfang.text.ChineseText;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff full-text search over titles and contents: the query's words against the segmented words
 * ({@code tsvector}, GIN), or the query as an exact substring (pg_trgm, GIN), within the caller's
 * scope, newest first, with the words found marked.
 */
@Service
@Transactional(readOnly = true)
public class Search {

	public static final int PAGE = 50;

	private final JdbcClient jdbc;

	Search(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Filter(String q, String status, String regionCode, String categoryCode) {
	}

	public record Hit(String number, List<Highlight.Piece> title, List<Highlight.Piece> snippet, String status,
			String regionCode, String categoryCode, OffsetDateTime receivedAt) {
	}

	/** Up to {@link #PAGE} hits; {@code more} when there are others (refine the query). */
	public record Result(List<Hit> hits, boolean more, List<String> terms) {
	}

	public Result search(Filter f, Actor actor) {
		if (!actor.isStaff()) {
			throw new DomainException.Forbidden("仅工作人员可以检索");
		}
		String q = f.q() == null ? "" : ChineseText.normalize(f.q());
		if (q.isEmpty()) {
			return new Result(List.of(), false, List.of());
		}
		if (q.length() > 100) {
			throw new DomainException.Invalid("q", "检索词不能超过100字");
		}
		List<String> words = queryWords(q);
		// two indexed lookups, each newest first and cut at a page, merged here: the planner can
		// walk the date index for a common word and the GIN index for a rare one
		record Found(long id, OffsetDateTime at) {
		}
		List<Found> found = new ArrayList<>();
		if (!words.isEmpty()) {
			boolean join = actor.scope().type() != com.xinfang.identity.DataScope.Type.REGION || notBlank(f.status())
					|| notBlank(f.categoryCode());
			List<Object> params = new ArrayList<>();
			params.add(tsquery(words));
			StringBuilder sql = new StringBuilder("SELECT d.petition_id, d.received_at FROM casefile_doc d")
				.append(join ? " JOIN petition p ON p.id = d.petition_id" : "")
				.append(" WHERE d.words @@ ?::tsquery AND ");
			if (join) {
				sql.append(actor.scope().sqlCondition("p"));
			}
			else {
				sql.append("d.region_code LIKE ?");
			}
			if (actor.scope().sqlParameter() != null) {
				params.add(actor.scope().sqlParameter());
			}
			filters(f, sql, params, "d");
			sql.append(" ORDER BY d.received_at DESC, d.petition_id DESC LIMIT ").append(PAGE + 1);
			jdbc.sql(sql.toString()).params(params)
				.query((rs, n) -> found.add(new Found(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))))
				.list();
		}
		if (q.length() >= 3) {
			// trigrams need three characters; shorter queries rely on the words
			List<Object> params = new ArrayList<>();
			params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			StringBuilder sql = new StringBuilder("SELECT p.id, p.received_at FROM petition p WHERE (p.title || ' ' || p.content) LIKE ? AND ")
				.append(actor.scope().sqlCondition("p"));
			if (actor.scope().sqlParameter() != null) {
				params.add(actor.scope().sqlParameter());
			}
			filters(f, sql, params, "p");
			sql.append(" ORDER BY p.received_at DESC, p.id DESC LIMIT ").append(PAGE + 1);
			jdbc.sql(sql.toString()).params(params)
				.query((rs, n) -> found.add(new Found(rs.getLong(1), rs.getObject(2, OffsetDateTime.class))))
				.list();
		}
		List<Long> ids = found.stream()
			.sorted(java.util.Comparator.comparing(Found::at).thenComparing(Found::id).reversed())
			.map(Found::id)
			.distinct()
			.limit(PAGE + 1)
			.toList();
		if (ids.isEmpty()) {
			return new Result(List.of(), false, words);
		}
		List<String> marks = new ArrayList<>(words);
		marks.add(q);
		List<Hit> hits = jdbc.sql("SELECT p.number, p.title, p.content, p.status, p.region_code, p.category_code, p.received_at "
				+ "FROM petition p WHERE p.id = ANY(?) ORDER BY p.received_at DESC, p.id DESC")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> new Hit(rs.getString(1), Highlight.terms(rs.getString(2), marks),
					Highlight.terms(snippet(rs.getString(3), marks), marks), rs.getString(4), rs.getString(5), rs.getString(6),
					com.xinfang.platform.BeijingTime.of(rs.getObject(7, OffsetDateTime.class))))
			.list();
		boolean more = hits.size() > PAGE;
		return new Result(more ? hits.subList(0, PAGE) : hits, more, words);
	}

	/** Status and category live on the petition (alias p, joined when given); the region on both. */
	private static void filters(Filter f, StringBuilder sql, List<Object> params, String regionAlias) {
		if (notBlank(f.status())) {
			sql.append(" AND p.status = ?");
			params.add(f.status());
		}
		if (notBlank(f.regionCode())) {
			sql.append(" AND ").append(regionAlias).append(".region_code LIKE ?");
			params.add(com.xinfang.organization.Region.subtreePrefix(f.regionCode()) + "%");
		}
		if (notBlank(f.categoryCode())) {
			sql.append(" AND p.category_code = ?");
			params.add(f.categoryCode());
		}
	}

	/** The query's words; punctuation and spaces dropped. */
	static List<String> queryWords(String q) {
		Set<String> out = new LinkedHashSet<>();
		for (var w : ChineseText.segment(q)) {
			String clean = SearchWords.clean(w.text());
			if (!clean.isEmpty() && !w.tag().startsWith("w")) {
				out.add(clean);
			}
		}
		return List.copyOf(out);
	}

	/** All words must occur; a long word also matches as its two halves (segmented otherwise in the text). */
	static String tsquery(List<String> words) {
		List<String> parts = new ArrayList<>();
		for (String w : words) {
			String lexeme = "'" + w + "'";
			if (w.length() >= 4 && Fingerprint.hasHan(w)) {
				List<String> halves = new ArrayList<>();
				for (int i = 0; i + 2 <= w.length(); i += 2) {
					halves.add("'" + w.substring(i, i + 2) + "'");
				}
				parts.add("(" + lexeme + " | (" + String.join(" & ", halves) + "))");
			}
			else {
				parts.add(lexeme);
			}
		}
		return String.join(" & ", parts);
	}

	/** About 120 characters around the first mark. */
	static String snippet(String content, List<String> marks) {
		int at = -1;
		for (String m : marks) {
			int i = content.indexOf(m);
			if (i >= 0 && (at < 0 || i < at)) {
				at = i;
			}
		}
		int from = Math.max(0, at - 40);
		int to = Math.min(content.length(), from + 120);
		return (from > 0 ? "…" : "") + content.substring(from, to) + (to < content.length() ? "…" : "");
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}

}
