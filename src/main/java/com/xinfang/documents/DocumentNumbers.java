package com.xinfang.documents;

import com.xinfang.organization.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues 发文字号: one sequence per issuing body and year, starting at 1 each year, without gaps or
 * duplicates. The counter row is incremented by one statement inside the act's own transaction
 * (hence {@code MANDATORY}): the row stays locked until the act commits, so a second act of the
 * same body waits and gets the next number, and an act that rolls back takes its number back with
 * it. Holding the lock costs the other acts of the same body the time of one PDF rendering; acts of
 * other bodies are not affected.
 */
@Service
public class DocumentNumbers {

	private final JdbcClient jdbc;

	DocumentNumbers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next number of the issuing unit for the year of issue. Call it last, just before the document is stored. */
	@Transactional(propagation = Propagation.MANDATORY)
	public DocumentNumber next(Unit issuer, int year) {
		if (issuer.documentCode() == null) {
			throw new IllegalStateException("单位 " + issuer.name() + " 没有机关代字");
		}
		int sequence = jdbc.sql("""
				INSERT INTO document_number_counter (unit_code, year, last_sequence) VALUES (?, ?, 1)
				ON CONFLICT (unit_code, year) DO UPDATE SET last_sequence = document_number_counter.last_sequence + 1
				RETURNING last_sequence""")
			.params(issuer.code(), year)
			.query(Integer.class)
			.single();
		return new DocumentNumber(issuer.documentCode(), year, sequence);
	}

}
