package com.xinfang.casefile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * What a matter complains of, coarsely: wages owed, money to be paid back, a fee charged, a defect
 * of a building, parking, a late handover, a title deed, a nuisance, assistance, a subsidy, a
 * pension, compensation, an injury. Read from a matter's stored word hashes ({@link Fingerprint#terms}),
 * so no re-indexing is needed and a lookup costs one walk over two sorted arrays.
 *
 * <p>Two letters about one company, estate or project that complain of different things (德润物业's
 * guards' wages and its fee rise; 桃源盛世's parking and its cracked walls; a training school's
 * teachers' wages and its pupils' fees) are not one matter. A matter names no kind when none of
 * its words is listed; then nothing disagrees. The lists were chosen on the tuning data (README
 * "Duplicate bands"): ordinary words of each complaint, not words of particular letters.
 */
final class ProblemKinds {

	private static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

	static {
		KINDS.put("欠薪欠款", List.of("工资", "工钱", "欠薪", "薪水", "薪资", "劳务费", "工程款", "讨薪", "加班费", "运费", "货款", "结算",
				"血汗钱"));
		KINDS.put("退钱", List.of("学费", "退费", "退款", "预付", "充值", "押金", "提现", "兑付", "集资", "存款", "会员", "退钱", "卷款",
				"跑路", "本金", "理财"));
		KINDS.put("收费", List.of("物业费", "涨价", "收费", "乱收费", "寄宿费", "开户费", "多收", "收取"));
		KINDS.put("质量", List.of("开裂", "裂缝", "渗水", "漏水", "质量", "墙体", "空鼓"));
		KINDS.put("停车", List.of("车位", "停车位", "停车", "停车场"));
		KINDS.put("交房", List.of("交房", "延期", "逾期", "烂尾", "停工", "复工"));
		KINDS.put("办证", List.of("房产证", "产权证", "不动产", "办证", "确权", "林权证"));
		KINDS.put("扰民污染", List.of("噪音", "噪声", "扰民", "吵闹", "轰鸣", "振动", "震动", "粉尘", "灰尘", "臭气", "污染", "异味",
				"废水", "排污", "臭味", "刺鼻", "油烟", "恶臭"));
		KINDS.put("救助", List.of("低保", "救助", "五保", "特困"));
		KINDS.put("补贴", List.of("津贴", "补贴", "补助", "补发"));
		KINDS.put("社保", List.of("养老金", "社保", "养老保险", "医保", "退休金"));
		KINDS.put("补偿", List.of("补偿", "赔偿", "评估", "征收", "征地", "拆迁", "安置费", "过渡费", "补偿款"));
		KINDS.put("伤害", List.of("受伤", "摔伤", "工伤", "骨折", "伤残", "压断"));
	}

	/** The listed words' hashes, sorted, and the kinds (bits) of each. */
	private static final int[] WORDS;

	private static final int[] MASKS;

	static {
		TreeMap<Integer, Integer> masks = new TreeMap<>();
		int bit = 0;
		for (List<String> words : KINDS.values()) {
			for (String w : words) {
				masks.merge(Fingerprint.hash(w), 1 << bit, (x, y) -> x | y);
			}
			bit++;
		}
		WORDS = masks.keySet().stream().mapToInt(Integer::intValue).toArray();
		MASKS = masks.values().stream().mapToInt(Integer::intValue).toArray();
	}

	private ProblemKinds() {
	}

	/** The kinds a matter's words name, as bits; 0 when none. */
	static int of(Fingerprint f) {
		int[] terms = f.terms();
		int i = 0, j = 0, kinds = 0;
		while (i < terms.length && j < WORDS.length) {
			if (terms[i] == WORDS[j]) {
				kinds |= MASKS[j];
				i++;
				j++;
			}
			else if (terms[i] < WORDS[j]) {
				i++;
			}
			else {
				j++;
			}
		}
		return kinds;
	}

	/** Both name what they complain of, and nothing in common. */
	static boolean disagree(Fingerprint a, Fingerprint b) {
		int x = of(a), y = of(b);
		return x != 0 && y != 0 && (x & y) == 0;
	}

	/** The names of the kinds a matter's words name (for tests and explanations). */
	static List<String> names(Fingerprint f) {
		int kinds = of(f);
		List<String> names = KINDS.keySet().stream().toList();
		return IntStream.range(0, names.size()).filter(b -> (kinds >> b & 1) != 0).mapToObj(names::get).toList();
	}

}
