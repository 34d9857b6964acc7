package com.xinfang.casefile;

import static com.xinfang.platform.Texts.blank;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.Objects;

/**
 * When two petitioners of two matters are the same person (一人一档). The ID number decides,
 * through its blind index, and tolerates a changed phone or a name written with other characters
 * of the same sound (张晓明 / 张小明); a phone number alone decides only together with the same or a
 * homophone name, since families share phones. A name alone never decides.
 */
final class IdentityRule {

	private IdentityRule() {
	}

	/** A petitioner as matching sees them: name in clear, ID number and phone as blind indexes. */
	record Person(String name, String idIndex, String phoneIndex) {
	}

	static boolean samePerson(Person a, Person b) {
		boolean names = namesAgree(a.name(), b.name());
		if (a.idIndex() != null && Objects.equals(a.idIndex(), b.idIndex())) {
			return names;
		}
		if (a.phoneIndex() != null && Objects.equals(a.phoneIndex(), b.phoneIndex())) {
			return names && !blank(a.name()) && !blank(b.name());
		}
		return false;
	}

	/** The same name, or the same sound (without tones); an unknown name does not contradict. */
	static boolean namesAgree(String a, String b) {
		if (blank(a) || blank(b)) {
			return true;
		}
		String x = a.strip(), y = b.strip();
		return x.equals(y) || x.length() == y.length() && sound(x).equals(sound(y));
	}

	/** The name's syllables without tones, e.g. 张小明 → zhang xiao ming. */
	static String sound(String name) {
		StringBuilder out = new StringBuilder();
		var syllables = HanLP.convertToPinyinList(name);
		for (int i = 0; i < name.length(); i++) {
			Pinyin p = i < syllables.size() ? syllables.get(i) : null;
			String s = p == null || p == Pinyin.none5 ? String.valueOf(name.charAt(i)) : p.getPinyinWithoutTone();
			out.append(i == 0 ? "" : " ").append(s);
		}
		return out.toString();
	}


}
