package com.xinfang.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The labelled petitions written for this project (src/main/resources/corpus, see its README):
 * the training files and the held-out file, written in another style, that only evaluation reads.
 */
public final class Corpus {

	/** Training texts: the original 480, 320 in other registers, 144 in citizens' colloquial words. */
	public static final List<String> TRAINING = List.of("corpus/petitions.jsonl", "corpus/petitions-more.jsonl",
			"corpus/petitions-colloquial.jsonl");

	/** Held out: never trained on; written colloquially, long-winded, with dialect and partial facts. */
	public static final String HELD_OUT = "corpus/heldout.jsonl";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Corpus() {
	}

	public static List<LabelledPetition> training() {
		List<LabelledPetition> all = new ArrayList<>();
		for (String file : TRAINING) {
			all.addAll(read(file));
		}
		return all;
	}

	public static List<LabelledPetition> heldOut() {
		return read(HELD_OUT);
	}

	public static List<LabelledPetition> read(String resource) {
		InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			return List.of();
		}
		List<LabelledPetition> out = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode n = JSON.readTree(line);
				out.add(new LabelledPetition(text(n, "title"), text(n, "content"), text(n, "category"), text(n, "kind"),
						text(n, "legalChannel")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out;
	}

	private static String text(JsonNode n, String field) {
		JsonNode v = n.get(field);
		return v == null || v.isNull() ? null : v.asString();
	}

}
