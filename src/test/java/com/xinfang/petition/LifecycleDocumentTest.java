package com.xinfang.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/lifecycle.md shows the transition table the code enforces. Regenerate it with
 * {@code ./mvnw test -Dtest=LifecycleDocumentTest -Dlifecycle.write=true}.
 */
class LifecycleDocumentTest {

	static final Path DOC = Path.of("docs/lifecycle.md");

	static String document() {
		StringBuilder md = new StringBuilder("""
				# The lifecycle of a 信访事项

				Generated from `com.xinfang.petition.Lifecycle` (the table the aggregate enforces); a test fails
				when this file and the code disagree. Articles are those of 《信访工作条例》 (2022).

				```mermaid
				""");
		md.append(Lifecycle.mermaid()).append("```\n\n| act | from | to | basis |\n|---|---|---|---|\n");
		for (var t : Lifecycle.TABLE) {
			md.append("| ").append(t.action().label()).append(" `").append(t.action()).append("` | ")
				.append(t.from().label()).append(" | ").append(t.to().label()).append(" | ").append(t.basis()).append(" |\n");
		}
		return md.toString();
	}

	@Test
	void theDocumentedTableIsTheEnforcedOne() throws Exception {
		if (Boolean.getBoolean("lifecycle.write")) {
			Files.writeString(DOC, document());
		}
		assertThat(Files.readString(DOC)).isEqualTo(document());
	}

}
