package com.xinfang.casefile;

import com.xinfang.identity.Actor;
import com.xinfang.identity.DataScope;
import com.xinfang.organization.Region;
import com.xinfang.petition.PetitionScope;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import com.xinfang.text.ChineseText;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff full-text search over titles and contents: each space-separated part of the query must
 * occur, as its segmented words ({@code tsvector}, GIN) or as an exact substring (pg_trgm, GIN), both
 * on {@code casefile_doc}; within the caller's scope, newest first, with the words found marked.
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
		List<Long> byNumber = byNumber(q, f, actor);
		if (!byNumber.isEmpty()) {
			return new Result(hits(byNumber, List.of()), false, List.of());
		}
		// each space-separated part must occur, as its words (segmented) or as an exact substring
		List<String> parts = Arrays.stream(q.split(" ")).filter(x -> !x.isBlank()).distinct().limit(6).toList();
		List<String> words = new ArrayList<>();
		boolean join = actor.scope().type() != DataScope.Type.REGION || notBlank(f.status())
				|| notBlank(f.categoryCode());
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT d.petition_id, d.received_at FROM casefile_doc d")
			.append(join ? " JOIN petition_fact p ON p.id = d.petition_id" : "")
			.append(" WHERE ");
		for (String part : parts) {
			List<String> partWords = queryWords(part);
			words.addAll(partWords);
			List<String> either = new ArrayList<>();
			if (!partWords.isEmpty()) {
				either.add("d.words @@ ?::tsquery");
				params.add(tsquery(partWords));
			}
			if (part.length() >= 3 || partWords.isEmpty()) {
				// trigrams need three characters; shorter parts rely on their words
				either.add("d.text LIKE ?");
				params.add("%" + part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
			sql.append("(").append(String.join(" OR ", either)).append(") AND ");
		}
		sql.append(join ? PetitionScope.sql(actor.scope(), "p") : "d.region_code LIKE ?");
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		filters(f, sql, params, "d");
		List<Long> ids = newest(sql.toString(), params);
		words = words.stream().distinct().toList();
		if (ids.isEmpty()) {
			return new Result(List.of(), false, words);
		}
		List<String> marks = new ArrayList<>(words);
		marks.addAll(parts);
		List<Hit> hits = hits(ids, marks);
		boolean more = hits.size() > PAGE;
		return new Result(more ? hits.subList(0, PAGE) : hits, more, words);
	}

	private List<Hit> hits(List<Long> ids, List<String> marks) {
		return jdbc.sql("SELECT p.number, p.title, p.content, p.status, p.region_code, p.category_code, p.received_at "
				+ "FROM petition_text p WHERE p.id = ANY(?) ORDER BY p.received_at DESC, p.id DESC")
			.param(ids.toArray(Long[]::new))
			.query((rs, n) -> new Hit(rs.getString(1), Highlight.terms(rs.getString(2), marks),
					Highlight.terms(snippet(rs.getString(3), marks), marks), rs.getString(4), rs.getString(5), rs.getString(6),
					BeijingTime.of(rs.getObject(7, OffsetDateTime.class))))
			.list();
	}

	/**
	 * A 信访编号 (XF and 18 digits) or its tail, as registrars read it off a slip: XF and at least
	 * four digits, or at least six digits alone (fewer would take years and sums for numbers).
	 */
	static final Pattern NUMBER = Pattern.compile("(?i)XF(\\d{4,18})|(\\d{6,18})");

	/**
	 * Matters whose number is, or ends with, the query, within the scope (the tail is matched on the
	 * reversed number's index, V50).
	 */
	private List<Long> byNumber(String q, Filter f, Actor actor) {
		var m = NUMBER.matcher(q.replace(" ", ""));
		if (!m.matches()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		String digits = m.group(1) != null ? m.group(1) : m.group(2);
		params.add(new StringBuilder(digits).reverse() + "%");
		StringBuilder sql = new StringBuilder("SELECT p.id FROM petition_ref p WHERE reverse(p.number) LIKE ? AND ")
			.append(PetitionScope.sql(actor.scope(), "p"));
		if (PetitionScope.parameter(actor.scope()) != null) {
			params.add(PetitionScope.parameter(actor.scope()));
		}
		filters(f, sql, params, "p");
		sql.append(" ORDER BY p.received_at DESC, p.id DESC LIMIT ").append(PAGE);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).list();
	}

	/** Up to this many matches are sorted here; more, and the date index is walked instead. */
	static final int FEW = 2000;

	/**
	 * The newest matches. Probed through the text indexes only (bitmap scans, at most {@link #FEW}
	 * rows read): few matches are sorted here; many are read newest first along the date index,
	 * which then finds a page quickly. Left to itself the planner sometimes walks the date index
	 * for a rare substring in one county and reads the whole table (seconds at a million matters).
	 */
	private List<Long> newest(String select, List<Object> params) {
		record Found(long id, OffsetDateTime at) {
		}
		jdbc.sql("SET LOCAL enable_seqscan = off").update();
		jdbc.sql("SET LOCAL enable_indexscan = off").update();
		List<Found> probe = jdbc.sql(select + " LIMIT " + (FEW + 1))
			.params(params)
			.query((rs, n) -> new Found(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
			.list();
		jdbc.sql("SET LOCAL enable_seqscan = on").update();
		jdbc.sql("SET LOCAL enable_indexscan = on").update();
		if (probe.size() <= FEW) {
			return probe.stream()
				.sorted(Comparator.comparing(Found::at).thenComparing(Found::id).reversed())
				.limit(PAGE + 1)
				.map(Found::id)
				.toList();
		}
		return jdbc.sql(select + " ORDER BY d.received_at DESC, d.petition_id DESC LIMIT " + (PAGE + 1))
			.params(params)
			.query((rs, n) -> rs.getLong(1))
			.list();
	}

	/** Status and category live on the petition (alias p, joined when given); the region on both. */
	private static void filters(Filter f, StringBuilder sql, List<Object> params, String regionAlias) {
		if (notBlank(f.status())) {
			sql.append(" AND p.status = ?");
			params.add(f.status());
		}
		if (notBlank(f.regionCode())) {
			sql.append(" AND ").append(regionAlias).append(".region_code LIKE ?");
			params.add(Region.subtreePrefix(f.regionCode()) + "%");
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
