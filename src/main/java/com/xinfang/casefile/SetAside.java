package com.xinfang.casefile;

import java.util.List;

/**
 * A letter that names another matter and sets it aside: "物业费涨价的事已经有邻居反映过，这次说的是另一件事",
 * "房产证办不下来那是老问题了，今天不说那个", "征地款分配的事还没完，组里又出了一件事". It shares that
 * matter's target and words because it names it, yet by its own words it is not that matter, so the pair
 * is at most 可能相关 ({@link DuplicateScore}), whoever wrote it.
 *
 * <p>Read once from the raw text when a matter is fingerprinted (a few {@code String.contains} over
 * the text, no segmentation) and kept as a bit of {@link Fingerprint#flags}: scoring a candidate costs
 * a bit test. The phrases are the ordinary ways of saying "another matter" (另一件事, 两码事, 不说那个,
 * 这次反映的是…), chosen on the tuning data (README "Duplicate bands"): none occurs in the 1,190 corpus
 * texts nor in any of the 267 true repeats of the four repeat sets, while 13 of their 88 hard negatives
 * say so; a plain "又出现了新问题", "还有另一件事" or "两件事" is left out on purpose (a repeat with new
 * facts says so), and "我说的是实话" or "这次反映的还是…" does not count.
 */
final class SetAside {

	static final List<String> PHRASES = List.of(
			// another matter
			"另一件", "另外一件", "另一回事", "另外一回事", "两回事", "两码事", "另一码事", "另一个问题", "另外一个问题",
			"不是一码事", "不是一回事", "不是一个事", "不是一件事", "不是同一件", "不是同一回事", "不是同一个问题", "件事无关",
			"件事没关系", "回事无关", "另一桩", "另外一桩", "两桩事", "不是一桩事", "是别的事", "为别的事", "是另外的事",
			// that one is not what this letter is about
			"不是那种情况", "不是那回事", "不说那个", "今天不说", "不是反映那", "不是来反映", "又出了一件",
			// this time it is about …
			"这次是另", "这回是另", "这次说的是", "这回说的是", "这次反映的是", "这回反映的是", "这次我要反映", "这次要反映",
			"这次我们反映", "这次想反映", "今天反映的是", "今天要反映的是", "我反映的是", "我们反映的是", "我要反映的是", "我说的是",
			"我们说的是", "说的是另", "反映的是另",
			// the same in 常德 speech (讲, 港: to say)
			"我讲的是", "我们讲的是", "我港的是", "我们港的是", "这次讲的是", "这回讲的是", "这次港的是", "这回港的是", "不讲那个",
			"不港那个",
			// the other one is handled elsewhere
			"另外反映过", "另行反映", "单独反映", "另外在找", "另外走了", "另案");

	/** Ways of vouching for a letter or of saying "the same again" that contain a phrase above: removed first. */
	private static final List<String> NOT = List.of("说的是实话", "说的是真的", "说的是事实", "说的是真话", "说的是实情", "讲的是实话",
			"讲的是真的", "港的是真的", "反映的还是", "反映的仍是", "反映的仍然是", "反映的就是", "说的还是", "说的就是", "讲的还是",
			"港的还是", "不是别的事", "不为别的事", "不是另外的事");

	private SetAside() {
	}

	/** Whether the text sets another matter aside. */
	static boolean in(String text) {
		if (text == null) {
			return false;
		}
		for (String n : NOT) {
			text = text.replace(n, "");
		}
		for (String p : PHRASES) {
			if (text.contains(p)) {
				return true;
			}
		}
		return false;
	}

}
