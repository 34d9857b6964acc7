package com.xinfang.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Domain cue words per label (text/cues.txt), written from the category definitions rather than
 * from the corpus: they carry a petition that uses none of the corpus's wording to the right
 * category. Each label becomes one feature counting its words in the text.
 */
final class Cues {

	private static final Map<String, List<String>> CUES = load();

	private Cues() {
	}

	static void addTo(Map<String, Double> features, String text) {
		CUES.forEach((label, words) -> {
			int hits = 0;
			for (String w : words) {
				if (text.contains(w)) {
					hits++;
				}
			}
			if (hits > 0) {
				features.put("k:" + label, (double) hits);
			}
		});
	}

	private static Map<String, List<String>> load() {
		Map<String, List<String>> out = new LinkedHashMap<>();
		var in = Cues.class.getClassLoader().getResourceAsStream("text/cues.txt");
		if (in == null) {
			return out;
		}
		try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				line = line.strip();
				int colon = line.indexOf(':');
				if (line.isEmpty() || line.startsWith("#") || colon < 0) {
					continue;
				}
				out.put(line.substring(0, colon).strip(), List.of(line.substring(colon + 1).strip().split("\\s+")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.copyOf(out);
	}

}
