package com.xinfang.casefile;

import com.xinfang.text.ChineseText;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the duplicate detector keeps of a matter's text: the hashed content words of title and
 * content (sorted, distinct) and, among them, the named things (places, organisations, proper
 * nouns of three or more characters) that say where and against whom. Administrative divisions
 * (湖南省, 常德市, 石门县, 鼎城区, 深柳镇, 安福街道, 县城) are words but not targets: the county is
 * already compared as the place, and two unrelated letters from one county share its name (see
 * {@link #isRegion}); a village, community, estate, lake or park remains a target.
 *
 * Words of time (dates change when a matter is told again) and bare numbers are left out.
 */
record Fingerprint(int[] terms, int[] entities, int flags) {

	/** {@link #flags}: the text names another matter and sets it aside ({@link SetAside}). */
	static final int SET_ASIDE = 1;

	/** A fingerprint of words only (no flags). */
	Fingerprint(int[] terms, int[] entities) {
		this(terms, entities, 0);
	}

	/**
	 * The version of {@link #of}: 1 before region names stopped counting as targets, 2 since, 3 since
	 * the flags ({@link SetAside}, stored in {@code flags}). Rows of
	 * an older version are re-fingerprinted in the background ({@link FingerprintRefresh}); a change of
	 * {@link #of} raises this and the default of {@code casefile_doc.fingerprint_version} in a migration.
	 */
	static final int VERSION = 3;

	/** Words that every petition uses: no evidence of the same matter. */
	private static final Set<String> STOP = Set.of("反映", "请求", "问题", "我们", "政府", "部门", "相关", "有关", "情况",
			"要求", "希望", "进行", "没有", "已经", "现在", "这个", "一个", "多次", "至今", "再次", "之前", "当时", "答复", "处理",
			"解决", "给予", "予以", "能够", "可以", "尽快", "依法", "督促", "落实", "还是", "一直", "还有", "他们", "自己");

	static Fingerprint of(String title, String content) {
		String text = (title == null ? "" : title) + "。" + (content == null ? "" : content);
		Set<Integer> terms = new TreeSet<>();
		Set<Integer> entities = new TreeSet<>();
		for (ChineseText.Word word : ChineseText.segment(text)) {
			String w = word.text();
			if (!word.isContent() || word.tag().startsWith("t") || word.tag().startsWith("m") || w.length() < 2
					|| STOP.contains(w) || !hasHan(w)) {
				continue;
			}
			terms.add(hash(w));
			if (w.length() >= 3 && !(word.isPlace() && isRegion(w)) && (word.isPlace() || word.isOrganization() || word.tag().startsWith("nz")
					|| word.tag().startsWith("nt") || word.tag().equals("nx"))) {
				entities.add(hash(w));
			}
			// a long word also counts by its halves: 锦绣华庭小区 and 锦绣华庭 share 锦绣
			if (w.length() >= 4) {
				for (int i = 0; i + 2 <= w.length(); i += 2) {
					terms.add(hash(w.substring(i, i + 2)));
				}
			}
		}
		return new Fingerprint(toArray(terms), toArray(entities), SetAside.in(text) ? SET_ASIDE : 0);
	}

	/** Whether the text sets another matter aside ({@link SetAside}). */
	boolean setsAside() {
		return (flags & SET_ASIDE) != 0;
	}

	/** Endings of an administrative division's name (a place word ending so is a 属地, not a target). */
	private static final List<String> REGION_ENDINGS = List.of("省", "市", "县", "区", "镇", "乡", "街道", "县城", "城区");

	/** Place words ending in 区 that name a target (an estate, a community, a park), not a division. */
	private static final List<String> TARGET_AREAS = List.of("小区", "社区", "园区", "景区", "库区", "校区", "厂区", "矿区", "片区",
			"安置区", "住宅区", "宿舍区", "保护区");

	/** Whether a place word names an administrative division (province, city, county, district, town, street). */
	static boolean isRegion(String place) {
		return REGION_ENDINGS.stream().anyMatch(place::endsWith) && TARGET_AREAS.stream().noneMatch(place::endsWith);
	}

	static boolean hasHan(String w) {
		for (int i = 0; i < w.length(); ) {
			int c = w.codePointAt(i);
			if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
				return true;
			}
			i += Character.charCount(c);
		}
		return false;
	}

	/** A stable 32-bit hash of a word (FNV-1a over UTF-16 units, then mixed). */
	static int hash(String word) {
		int h = 0x811c9dc5;
		for (int i = 0; i < word.length(); i++) {
			h ^= word.charAt(i);
			h *= 0x01000193;
		}
		h ^= h >>> 16;
		h *= 0x85ebca6b;
		h ^= h >>> 13;
		return h;
	}

	private static int[] toArray(Set<Integer> set) {
		return set.stream().mapToInt(Integer::intValue).toArray();
	}

	/** Number of common values of two sorted arrays. */
	static int common(int[] a, int[] b) {
		int i = 0, j = 0, n = 0;
		while (i < a.length && j < b.length) {
			if (a[i] == b[j]) {
				n++;
				i++;
				j++;
			}
			else if (a[i] < b[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return n;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Fingerprint f && Arrays.equals(terms, f.terms) && Arrays.equals(entities, f.entities)
				&& flags == f.flags;
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(terms);
	}

	@Override
	public String toString() {
		return "Fingerprint[" + terms.length + " terms, " + entities.length + " entities, flags " + flags + "]";
	}

}
