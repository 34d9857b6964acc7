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
 * 这次反映的是…), chosen on the tuning data (README "Duplicate bands"): none occurs in the 1,400 corpus
 * texts nor in any true repeat of the four repeat sets; a plain "又出现了新问题" is left out on purpose
 * (a repeat with new facts says so).
 */
final class SetAside {

	static final List<String> PHRASES = List.of("另一件事", "另外一件", "另一件", "另一回事", "另外一回事", "两回事", "两码事",
			"另一码事", "不是一码事", "不是一回事", "不是同一件", "另一个问题", "另外一个问题", "不是那种情况", "不是那回事", "不说那个",
			"今天不说", "又出了一件", "这次是另", "这次说的是", "这次反映的是", "这次我要反映", "我反映的是",
			"我们反映的是", "我要反映的是", "我说的是", "我们说的是", "说的是另", "反映的是另", "另外反映", "另外在找", "另外走了", "另案");

	private SetAside() {
	}

	/** Whether the text sets another matter aside. */
	static boolean in(String text) {
		if (text == null) {
			return false;
		}
		for (String p : PHRASES) {
			if (text.contains(p)) {
				return true;
			}
		}
		return false;
	}

}
