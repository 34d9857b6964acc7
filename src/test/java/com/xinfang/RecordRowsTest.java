package com.xinfang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Records are read from rows with {@code platform.Rows.of}, never with {@code JdbcClient.query(Record.class)}:
 * Spring's mapper behind the latter has PostgreSQL's driver throw an exception per camelCase component
 * per row (see {@code Rows}). A single value ({@code query(Long.class)}) is mapped by another mapper and
 * stays as it is.
 */
class RecordRowsTest {

	static final Pattern QUERY_BY_CLASS = Pattern.compile("\\.query\\(([A-Z][\\w.]*)\\.class\\)");

	/** Single-column types: Spring maps them with SingleColumnRowMapper, which asks nothing by name. */
	static final Set<String> SINGLE_VALUES = Set.of("Long", "String", "Integer", "Boolean", "Object", "OffsetDateTime",
			"Double", "Short", "BigDecimal", "Instant", "LocalDate", "UUID");

	@Test
	void noRecordIsMappedByQueryOfItsClass() throws IOException {
		Path root = Path.of("src/main/java");
		List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				QUERY_BY_CLASS.matcher(Files.readString(file))
					.results()
					.map(m -> m.group(1))
					.filter(type -> !SINGLE_VALUES.contains(type))
					.forEach(type -> problems.add(root.relativize(file) + ": query(" + type + ".class) — use query(Rows.of("
							+ type + ".class))"));
			}
		}
		assertThat(problems).isEmpty();
	}

}
