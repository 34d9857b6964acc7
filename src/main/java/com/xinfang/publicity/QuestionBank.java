package com.xinfang.publicity;

import com.xinfang.identity.Actor;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.ExcelLook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The question bank: edited by the bureau, imported from and exported to Excel, and drawn from for
 * rounds and exam papers. Drawing reads an in-memory copy of the active questions, refreshed from
 * the database every half minute (so an edit on another node shows within that time), since every
 * round of the public challenge draws and the bank changes rarely.
 */
@Service
public class QuestionBank {

	static final Duration CACHE_AGE = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PublicityAccess access;

	private volatile Snapshot snapshot;

	QuestionBank(JdbcClient jdbc, Clock clock, PublicityAccess access) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.access = access;
	}

	private record Snapshot(Instant loadedAt, Map<Long, Question> byId, Map<QuestionType, Map<Integer, List<Question>>> pools) {
	}

	static final String COLUMNS = "id, type, stem, options, answer, explanation, law, article, chapter, difficulty, tags, active, version";

	static Question map(ResultSet rs, int n) throws SQLException {
		return new Question(rs.getLong("id"), QuestionType.valueOf(rs.getString("type")), rs.getString("stem"),
				strings(rs.getArray("options")), rs.getString("answer"), rs.getString("explanation"), rs.getString("law"),
				rs.getString("article"), rs.getString("chapter"), rs.getInt("difficulty"), strings(rs.getArray("tags")),
				rs.getBoolean("active"), rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	public record Filter(QuestionType type, Integer difficulty, String chapter, String text) {
	}

	@Transactional(readOnly = true)
	public List<Question> list(Filter f) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM quiz_question WHERE true");
		Map<String, Object> p = new HashMap<>();
		if (f.type() != null) {
			sql.append(" AND type = :type");
			p.put("type", f.type().name());
		}
		if (f.difficulty() != null) {
			sql.append(" AND difficulty = :difficulty");
			p.put("difficulty", f.difficulty());
		}
		if (f.chapter() != null && !f.chapter().isBlank()) {
			sql.append(" AND chapter = :chapter");
			p.put("chapter", f.chapter());
		}
		if (f.text() != null && !f.text().isBlank()) {
			sql.append(" AND (stem LIKE :text OR article LIKE :text OR array_to_string(tags, ' ') LIKE :text)");
			p.put("text", "%" + f.text().strip() + "%");
		}
		sql.append(" ORDER BY id");
		return jdbc.sql(sql.toString()).params(p).query(QuestionBank::map).list();
	}

	@Transactional(readOnly = true)
	public Question get(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM quiz_question WHERE id = ?")
			.param(id)
			.query(QuestionBank::map)
			.optional()
			.orElseThrow(() -> new DomainException.NotFound("没有这道题"));
	}

	@Transactional(readOnly = true)
	public Map<String, Long> countsByChapter() {
		return jdbc.sql("SELECT coalesce(chapter, '（未分章）') AS c, count(*) AS n FROM quiz_question WHERE active GROUP BY 1 ORDER BY 1")
			.query((rs, n) -> Map.entry(rs.getString("c"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	/** Saves one question from the bureau's form, checked by the same rules as an imported row. */
	@Transactional
	public long save(Long id, Integer version, List<String> cells, Actor actor) {
		access.requireBankEditor(actor);
		Set<String> others = new HashSet<>(jdbc.sql("SELECT stem FROM quiz_question WHERE id IS DISTINCT FROM ?")
			.param(id)
			.query(String.class)
			.list());
		QuestionSheet.Result r = QuestionSheet.read(List.of(QuestionSheet.HEADER, cells), others);
		if (!r.ok()) {
			throw new DomainException.Invalid("question", r.errors().get(0).replaceFirst("^第2行：", ""));
		}
		Question q = r.rows().get(0).question();
		long saved;
		if (id == null) {
			saved = insert(q, null);
		}
		else {
			int n = jdbc.sql("""
					UPDATE quiz_question SET type = ?, stem = ?, options = ?, answer = ?, explanation = ?, law = ?, article = ?,
					  chapter = ?, difficulty = ?, tags = ?, version = version + 1, updated_at = now()
					WHERE id = ? AND version = ?""")
				.params(q.type().name(), q.stem(), q.options().toArray(String[]::new), q.answer(), q.explanation(), q.law(),
						q.article(), q.chapter(), q.difficulty(), q.tags().toArray(String[]::new), id, version)
				.update();
			if (n == 0) {
				throw new DomainException.Conflict("这道题已被他人修改，请刷新后再改");
			}
			saved = id;
		}
		snapshot = null;
		return saved;
	}

	@Transactional
	public void setActive(long id, boolean active, Actor actor) {
		access.requireBankEditor(actor);
		if (jdbc.sql("UPDATE quiz_question SET active = ?, version = version + 1 WHERE id = ?").params(active, id).update() == 0) {
			throw new DomainException.NotFound("没有这道题");
		}
		snapshot = null;
	}

	long insert(Question q, String source) {
		return jdbc.sql("""
				INSERT INTO quiz_question (type, stem, options, answer, explanation, law, article, chapter, difficulty, tags, source)
				VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (source) DO NOTHING RETURNING id""")
			.params(q.type().name(), q.stem(), q.options().toArray(String[]::new), q.answer(), q.explanation(), q.law(), q.article(),
					q.chapter(), q.difficulty(), q.tags().toArray(String[]::new), source)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Imports a workbook: every row is checked first and, if any row has a problem, nothing is
	 * stored and every problem is returned with its row number.
	 */
	@Transactional
	public QuestionSheet.Result importExcel(InputStream in, Actor actor) {
		access.requireBankEditor(actor);
		List<List<String>> table;
		try (Workbook wb = new XSSFWorkbook(in)) {
			table = table(wb.getSheetAt(0));
		}
		catch (IOException | RuntimeException ex) {
			return new QuestionSheet.Result(List.of(), List.of("无法读取文件：请上传由本系统导出的 .xlsx 模板填写的 Excel 文件"));
		}
		Set<String> existing = new HashSet<>(jdbc.sql("SELECT stem FROM quiz_question").query(String.class).list());
		QuestionSheet.Result r = QuestionSheet.read(table, existing);
		if (r.ok()) {
			r.rows().forEach(row -> insert(row.question(), null));
			snapshot = null;
		}
		return r;
	}

	private static List<List<String>> table(Sheet sheet) {
		DataFormatter fmt = new DataFormatter();
		List<List<String>> table = new ArrayList<>();
		for (int r = 0; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			List<String> line = new ArrayList<>();
			if (row != null) {
				for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
					Cell cell = row.getCell(c);
					line.add(cell == null ? "" : fmt.formatCellValue(cell));
				}
			}
			table.add(line);
		}
		return table;
	}

	@Transactional(readOnly = true)
	public void exportExcel(OutputStream out) {
		try (XSSFWorkbook wb = new XSSFWorkbook()) {
			Sheet sheet = wb.createSheet("题库");
			Row header = sheet.createRow(0);
			var headerStyle = ExcelLook.headerStyle(wb);
			int[] widest = new int[QuestionSheet.HEADER.size()];
			for (int i = 0; i < QuestionSheet.HEADER.size(); i++) {
				var cell = header.createCell(i);
				cell.setCellValue(QuestionSheet.HEADER.get(i));
				cell.setCellStyle(headerStyle);
				widest[i] = ExcelLook.chars(QuestionSheet.HEADER.get(i));
			}
			int r = 1;
			for (Question q : list(new Filter(null, null, null, null))) {
				if (!q.active()) {
					continue;
				}
				Row row = sheet.createRow(r++);
				List<String> cells = QuestionSheet.cells(q);
				for (int i = 0; i < cells.size(); i++) {
					row.createCell(i).setCellValue(cells.get(i));
					if (i < widest.length) {
						widest[i] = Math.max(widest[i], ExcelLook.chars(cells.get(i)));
					}
				}
			}
			ExcelLook.finish(sheet, widest, r - 1);
			wb.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Draws questions at random by type and difficulty; refuses when the bank cannot fill the spec. */
	public List<Question> draw(DrawSpec spec, Random random) {
		Snapshot s = current();
		List<Question> drawn = new ArrayList<>();
		for (QuestionType type : QuestionType.values()) {
			int wanted = spec.counts().getOrDefault(type, 0);
			if (wanted == 0) {
				continue;
			}
			List<Question> pool = new ArrayList<>();
			s.pools().getOrDefault(type, Map.of()).forEach((d, qs) -> {
				if (spec.difficulties().contains(d)) {
					pool.addAll(qs);
				}
			});
			if (pool.size() < wanted) {
				throw new DomainException.Conflict("题库中" + type.label() + "题不足" + wanted + "道，无法组卷");
			}
			Collections.shuffle(pool, random);
			drawn.addAll(pool.subList(0, wanted));
		}
		return drawn;
	}

	/** The questions of a round or paper, in its order (also inactive ones: a paper keeps its questions). */
	public List<Question> byIds(List<Long> ids) {
		Snapshot s = current();
		List<Question> out = new ArrayList<>(ids.size());
		List<Long> missing = ids.stream().filter(id -> !s.byId().containsKey(id)).toList();
		Map<Long, Question> extra = missing.isEmpty() ? Map.of()
				: jdbc.sql("SELECT " + COLUMNS + " FROM quiz_question WHERE id = ANY(?)")
					.param(missing.toArray(Long[]::new))
					.query(QuestionBank::map)
					.list()
					.stream()
					.collect(Collectors.toMap(Question::id, q -> q));
		for (Long id : ids) {
			Question q = s.byId().containsKey(id) ? s.byId().get(id) : extra.get(id);
			if (q != null) {
				out.add(q);
			}
		}
		return out;
	}

	public int activeCount() {
		return current().byId().size();
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		if (s == null || s.loadedAt().plus(CACHE_AGE).isBefore(clock.instant())) {
			List<Question> all = jdbc.sql("SELECT " + COLUMNS + " FROM quiz_question WHERE active").query(QuestionBank::map).list();
			Map<QuestionType, Map<Integer, List<Question>>> pools = new EnumMap<>(QuestionType.class);
			for (Question q : all) {
				pools.computeIfAbsent(q.type(), t -> new TreeMap<>()).computeIfAbsent(q.difficulty(), d -> new ArrayList<>()).add(q);
			}
			s = new Snapshot(clock.instant(), all.stream().collect(Collectors.toMap(Question::id, q -> q)), pools);
			snapshot = s;
		}
		return s;
	}

	void forget() {
		snapshot = null;
	}

}
