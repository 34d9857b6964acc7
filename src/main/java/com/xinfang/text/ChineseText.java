package com.xinfang.text;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalisation and segmentation of Chinese petition text. Stateless and thread-safe: HanLP's
 * segmenter reads shared, immutable dictionaries, loaded once on first use.
 */
public final class ChineseText {

	private static final Segment SEGMENT = HanLP.newSegment()
		.enablePlaceRecognize(true)
		.enableOrganizationRecognize(true)
		.enableNameRecognize(true);

	private ChineseText() {
	}

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	/**
	 * One spelling for the same text: full-width letters, digits and punctuation become
	 * half-width (NFKC), Latin letters lower case, runs of white space one space.
	 */
	public static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
		return WHITE_SPACE.matcher(nfkc.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	/** The words of the text, in order, with their part of speech (HanLP's tag set). */
	public static List<Word> segment(String text) {
		String normalized = normalize(text);
		if (normalized.isEmpty()) {
			return List.of();
		}
		// A registration reads the same text several times (duplicate index, search words, classifier,
		// entities): the last few segmentations of each thread are kept.
		Recent recent = RECENT.get();
		List<Word> known = recent.get(normalized);
		if (known != null) {
			return known;
		}
		List<Term> terms = SEGMENT.seg(normalized);
		List<Word> words = new ArrayList<>(terms.size());
		for (Term term : terms) {
			if (!term.word.isBlank()) {
				words.add(new Word(term.word, term.nature == null ? "x" : term.nature.toString()));
			}
		}
		List<Word> result = Collections.unmodifiableList(words);
		recent.put(normalized, result);
		return result;
	}

	private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

	/** The last few texts segmented by a thread (a tiny ring, compared by equality). */
	private static final class Recent {

		private final String[] texts = new String[4];

		private final List<?>[] words = new List<?>[4];

		private int next;

		@SuppressWarnings("unchecked")
		List<Word> get(String text) {
			for (int i = 0; i < texts.length; i++) {
				if (text.equals(texts[i])) {
					return (List<Word>) words[i];
				}
			}
			return null;
		}

		void put(String text, List<Word> value) {
			texts[next] = text;
			words[next] = value;
			next = (next + 1) % texts.length;
		}

	}

	/** The content words only: no punctuation, no single-character function words. */
	public static List<String> contentWords(String text) {
		List<String> out = new ArrayList<>();
		for (Word word : segment(text)) {
			if (word.isContent()) {
				out.add(word.text());
			}
		}
		return out;
	}

	/** A segmented word and its part-of-speech tag (ns place, nt organisation, nr person, m number …). */
	public record Word(String text, String tag) {

		public boolean isPlace() {
			return tag.startsWith("ns");
		}

		public boolean isOrganization() {
			return tag.startsWith("nt");
		}

		public boolean isPerson() {
			return tag.startsWith("nr");
		}

		/** Nouns, verbs, adjectives, numbers with their words: what carries the matter's meaning. */
		public boolean isContent() {
			if (tag.startsWith("w") || tag.startsWith("x")) {
				return false;
			}
			char first = tag.charAt(0);
			boolean functionWord = first == 'u' || first == 'p' || first == 'c' || first == 'y' || first == 'e'
					|| first == 'r' || first == 'd';
			return !(functionWord && text.length() == 1);
		}

	}

}
