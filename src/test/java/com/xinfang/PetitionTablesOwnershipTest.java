package com.xinfang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The petition module owns its tables: no other module's SQL names them (issue 12 item 4). Others
 * read the matter through petition's Java API or its published views: {@code petition_ref} (V171,
 * V270: identity and standing), {@code petition_fact} (the facts figures and duties are computed
 * from), {@code petition_step} (its steps without their actor), {@code petition_encrypted_sample}
 * (V270), with the data scope as {@code PetitionScope} writes it, so a rule on that data (Art 30
 * confidentiality, the data scope) lives in one place.
 *
 * <p>No exceptions are left (the duplicate finder, the last, reads people through
 * {@code PetitionPeople} since issue 11's session of 2026-12-07). The allow-list stays as the
 * mechanism: it may only shrink, so it is empty for good.
 */
class PetitionTablesOwnershipTest {

	static final Pattern NAMES_A_PETITION_TABLE = Pattern.compile(
			"\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+(petition|petitioner|petition_history|petition_document|petition_record|attachment|attachment_content)\\b(?!_)");

	/** The remaining exceptions: file (under src/main/java) → how many times it names petition's tables. */
	static final Map<String, Integer> STILL_READING_PETITION_TABLES = new TreeMap<>(Map.of());

	@Test
	void noModuleOutsidePetitionNamesItsTablesBeyondTheShrinkingAllowList() throws IOException {
		Path root = Path.of("src/main/java");
		Map<String, Integer> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String name = root.relativize(file).toString().replace('\\', '/');
				if (name.startsWith("com/xinfang/petition/")) {
					continue;
				}
				int count = (int) NAMES_A_PETITION_TABLE.matcher(Files.readString(file)).results().count();
				if (count > 0) {
					found.put(name, count);
				}
			}
		}
		List<String> problems = new ArrayList<>();
		found.forEach((file, count) -> {
			Integer allowed = STILL_READING_PETITION_TABLES.get(file);
			if (allowed == null) {
				problems.add(file + " names petition's tables " + count + "×: read petition's API or the view petition_ref");
			}
			else if (count > allowed) {
				problems.add(file + " names petition's tables " + count + "× (allowed " + allowed + ")");
			}
			else if (count < allowed) {
				problems.add(file + " now names them " + count + "×: lower its allowance to " + count);
			}
		});
		STILL_READING_PETITION_TABLES.keySet()
			.stream()
			.filter(file -> !found.containsKey(file))
			.forEach(file -> problems.add(file + " no longer names petition's tables: remove it from the allow-list"));
		assertThat(problems).isEmpty();
	}

	@Test
	void theCheckRecognisesATableNamedInSql() {
		assertThat(NAMES_A_PETITION_TABLE.matcher("SELECT p.number FROM petition p").find()).isTrue();
		assertThat(NAMES_A_PETITION_TABLE.matcher("JOIN petition_history h ON h.petition_id = p.id").find()).isTrue();
		assertThat(NAMES_A_PETITION_TABLE.matcher("FROM petition_ref p").find()).isFalse();
		assertThat(NAMES_A_PETITION_TABLE.matcher("JOIN petition_flag f").find()).isFalse();
		assertThat(NAMES_A_PETITION_TABLE.matcher("FROM petition_fact p JOIN petition_step h").find()).isFalse();
		assertThat(NAMES_A_PETITION_TABLE.matcher("SELECT phone_enc FROM petitioner").find()).isTrue();
	}

}
