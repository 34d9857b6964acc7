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
		List<Object> params = new ArrayList<>();
		StringBuilder hits = new StringBuilder("SELECT petition_id AS id FROM casefile_doc WHERE ");
		if (words.isEmpty()) {
			hits.append("FALSE");
		}
		else {
			hits.append("words @@ ?::tsquery");
			params.add(tsquery(words));
		}
		if (q.length() >= 3) {
			// trigrams need three characters; shorter queries rely on the words
			hits.append(" UNION SELECT id FROM petition WHERE (title || ' ' || content) LIKE ?");
			params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		StringBuilder where = new StringBuilder(" WHERE ").append(actor.scope().sqlCondition("p"));
		if (actor.scope().sqlParameter() != null) {
			params.add(actor.scope().sqlParameter());
		}
		if (notBlank(f.status())) {
			where.append(" AND p.status = ?");
			params.add(f.status());
		}
		if (notBlank(f.regionCode())) {
			where.append(" AND p.region_code LIKE ?");
			params.add(com.xinfang.organization.Region.subtreePrefix(f.regionCode()) + "%");
		}
		if (notBlank(f.categoryCode())) {
			where.append(" AND p.category_code = ?");
			params.add(f.categoryCode());
		}
		params.add(PAGE + 1);
		List<String> marks = new ArrayList<>(words);
		marks.add(q);
		List<Hit> found = jdbc.sql("WITH hits AS (" + hits + ") SELECT p.number, p.title, p.content, p.status, p.region_code, "
				+ "p.category_code, p.received_at FROM hits JOIN petition p ON p.id = hits.id" + where
				+ " ORDER BY p.received_at DESC, p.id DESC LIMIT ?")
			.params(params)
			.query((rs, n) -> new Hit(rs.getString(1), Highlight.terms(rs.getString(2), marks),
					Highlight.terms(snippet(rs.getString(3), marks), marks), rs.getString(4), rs.getString(5), rs.getString(6),
					com.xinfang.platform.BeijingTime.of(rs.getObject(7, OffsetDateTime.class))))
			.list();
		boolean more = found.size() > PAGE;
		return new Result(more ? found.subList(0, PAGE) : found, more, words);
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
