package com.xinfang.publicity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the shipped bank on the 《信访工作条例》 ({@code publicity/question-bank.tsv}, see the README
 * beside it) into the database once. Each row keeps its line as its source, so a restart or a second
 * node inserts nothing twice, and a question the bureau has edited or retired stays as they left it.
 */
@Component
class BundledBank implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BundledBank.class);

	static final String FILE = "publicity/question-bank.tsv";

	private final QuestionBank bank;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	BundledBank(QuestionBank bank, JdbcClient jdbc, TransactionTemplate tx) {
		this.bank = bank;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	static List<List<String>> table() {
		List<List<String>> table = new ArrayList<>();
		try (var in = new BufferedReader(new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				table.add(Arrays.asList(line.split("\t", -1)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return table;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<List<String>> table = table();
		long loaded = jdbc.sql("SELECT count(*) FROM quiz_question WHERE source LIKE 'bundled:%'").query(Long.class).single();
		if (loaded >= table.size() - 1) {
			return;
		}
		QuestionSheet.Result r = QuestionSheet.read(table, Set.of());
		if (!r.ok()) {
			throw new IllegalStateException("shipped question bank has errors: " + r.errors());
		}
		int added = tx.execute(s -> {
			int n = 0;
			for (QuestionSheet.Row row : r.rows()) {
				if (bank.insert(row.question(), "bundled:" + row.number()) > 0) {
					n++;
				}
			}
			return n;
		});
		bank.forget();
		log.info("Question bank: {} shipped questions added", added);
	}

}
