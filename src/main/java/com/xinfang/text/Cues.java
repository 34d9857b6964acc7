package com.xinfang.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Domain cue words per label (text/cues.txt), written from the category definitions rather than
 * from the corpus: they carry a petition that uses none of the corpus's wording to the right
 * category. Each label becomes one feature counting its words in the text.
 */
final class Cues {

	private static final Map<String, List<String>> CUES = load();

	private static final List<String> LABELS = List.copyOf(CUES.keySet());

	/**
	 * Every cue word with the labels it counts for, as one Aho-Corasick automaton: a text is read
	 * once instead of once per word (584 words; String.contains per word showed in the profile).
	 */
	private static final com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<int[]> WORDS = automaton();

	private Cues() {
	}

	/** For each label, the number of its distinct cue words found in the text ("k:label"). */
	static void addTo(Map<String, Double> features, String text) {
		if (CUES.isEmpty() || text.isEmpty()) {
			return;
		}
		Set<String> found = new HashSet<>();
		int[] hits = new int[LABELS.size()];
		WORDS.parseText(text, (begin, end, labels) -> {
			if (found.add(text.substring(begin, end))) {
				for (int label : labels) {
					hits[label]++;
				}
			}
		});
		for (int i = 0; i < hits.length; i++) {
			if (hits[i] > 0) {
				features.put("k:" + LABELS.get(i), (double) hits[i]);
			}
		}
	}

	private static com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<int[]> automaton() {
		TreeMap<String, SortedSet<Integer>> labelsOf = new TreeMap<>();
		for (int i = 0; i < LABELS.size(); i++) {
			for (String w : CUES.get(LABELS.get(i))) {
				labelsOf.computeIfAbsent(w, k -> new TreeSet<>()).add(i);
			}
		}
		TreeMap<String, int[]> map = new TreeMap<>();
		labelsOf.forEach((w, ls) -> map.put(w, ls.stream().mapToInt(Integer::intValue).toArray()));
		var trie = new com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<int[]>();
		if (!map.isEmpty()) {
			trie.build(map);
		}
		return trie;
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
