package com.xinfang.casefile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The labelled corpus under src/main/resources/corpus, for quality evaluation. */
final class Corpus {

	record Item(String category, String county, String title, String content) {
	}

	record Repeat(int originalIndex, String title, String content, String source) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static List<Item> petitions() {
		List<Item> out = new ArrayList<>();
		for (JsonNode n : lines("/corpus/petitions.jsonl")) {
			out.add(new Item(n.get("category").asString(), n.get("county").asString(), n.get("title").asString(),
					n.get("content").asString()));
		}
		return out;
	}

	/** The corpus's repeats and the extra ones written for this module (other words again). */
	static List<Repeat> repeats() {
		List<Repeat> out = new ArrayList<>();
		for (String file : List.of("/corpus/repeats.jsonl", "/corpus/repeats-more.jsonl")) {
			if (Corpus.class.getResource(file) == null) {
				continue;
			}
			for (JsonNode n : lines(file)) {
				out.add(new Repeat(n.get("originalIndex").asInt(), n.get("title").asString(), n.get("content").asString(),
						file));
			}
		}
		return out;
	}

	private static List<JsonNode> lines(String resource) {
		List<JsonNode> out = new ArrayList<>();
		try (var in = new BufferedReader(new InputStreamReader(Corpus.class.getResourceAsStream(resource),
				StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				if (!line.isBlank()) {
					out.add(JSON.readTree(line));
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out;
	}

}
