package com.xinfang.text;

import com.xinfang.organization.Region;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the entities of {@link Entities} in a text. Places are matched against the region tree
 * (full names at every level; counties and zones also by their short names, "武陵", "柳叶湖"); a
 * township or village short name alone is too ambiguous ("建设", "永安") to match.
 */
final class EntityExtractor {

	private static final List<String> SUFFIXES = List.of("旅游度假区", "旅游管理区", "管理区", "街道", "社区", "区", "县", "市",
			"镇", "乡", "村");

	private static final Map<String, String> ZONE_ALIASES = Map.of("经开区", "430771", "经济技术开发区", "430771", "柳叶湖", "430772",
			"高新区", "430773", "西湖", "430774", "西洞庭", "430775", "桃花源", "430776");

	private static final List<String> ORG_SUFFIXES = List.of("有限公司", "公司", "人民医院", "医院", "卫生院", "卫生服务中心", "诊所",
			"小学", "中学", "学校", "幼儿园", "派出所", "法院", "检察院", "公安局", "局", "委员会", "村委会", "居委会", "办事处", "政府",
			"物业", "驾校", "养老院", "敬老院", "合作社", "加工厂", "砖厂", "工厂", "超市", "药店", "饭店", "酒店", "服务站", "监管所",
			"执法大队", "大队", "供电所", "水厂", "管理站", "水利站", "粮站", "农机站", "银行", "平台");

	private static final Pattern ROLE_PERSON = Pattern.compile("(村支书|支书|村主任|村会计|组长|副镇长|镇长|乡长|镇党委书记|党委书记|书记|"
			+ "副局长|局长|科长|所长|站长|主任医师|主任|院长|校长|班主任|老师|医生|法官|民警|警察|干部|经理|老板|包工头|园长|队长|会计)"
			+ "(?:姓)?([\\p{IsHan}]{1,2}某{1,2}|[\\p{IsHan}]某)");

	private static final Pattern SURNAME_ROLE = Pattern.compile("(?:一个|有个)?姓([\\p{IsHan}])的(包工头|老板|干部|经理|老师|医生|村干部)?");

	private final List<Alias> aliases;

	private final Map<String, Region> regions;

	private record Alias(String text, Region region) {
	}

	/** Whole names known beforehand (the directory's units, units named in earlier matters), longest first. */
	private final List<String> knownNames;

	EntityExtractor(List<Region> regionTree) {
		this(regionTree, List.of());
	}

	EntityExtractor(List<Region> regionTree, Collection<String> known) {
		this.knownNames = known.stream()
			.filter(n -> n != null && n.strip().length() >= 4 && !n.contains("某"))
			.map(String::strip)
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		this.regions = new HashMap<>();
		List<Alias> list = new ArrayList<>();
		for (Region r : regionTree) {
			regions.put(r.code(), r);
			list.add(new Alias(r.name(), r));
			if (r.level() == Region.Level.COUNTY) {
				String s = shortName(r.name());
				if (s.length() >= 2) {
					list.add(new Alias(s, r));
				}
			}
		}
		ZONE_ALIASES.forEach((alias, code) -> {
			Region r = regions.get(code);
			if (r != null) {
				list.add(new Alias(alias, r));
			}
		});
		// longer names first, so "津市市" wins over "津市" at the same place
		list.sort(Comparator.comparingInt((Alias a) -> a.text().length()).reversed());
		this.aliases = List.copyOf(list);
	}

	private static String shortName(String name) {
		for (String suffix : SUFFIXES) {
			if (name.endsWith(suffix) && name.length() > suffix.length()) {
				return name.substring(0, name.length() - suffix.length());
			}
		}
		return name;
	}

	Entities extract(String title, String content, LocalDate today) {
		String text = ChineseText.normalize((title == null ? "" : title + "。") + (content == null ? "" : content));
		if (text.isEmpty()) {
			return Entities.NONE;
		}
		List<Entities.Place> places = places(text);
		return new Entities(places, bestRegion(places), organizations(text), persons(text), Amounts.find(text),
				Dates.find(text, today));
	}

	private List<Entities.Place> places(String text) {
		// which alias took each character: a shorter alias inside a longer one ("津市" in "津市市") is
		// not a second place, but regions sharing one name all match
		String[] takenBy = new String[text.length()];
		List<Entities.Place> found = new ArrayList<>();
		LinkedHashSet<String> codes = new LinkedHashSet<>();
		for (Alias alias : aliases) {
			int from = 0;
			int at;
			while ((at = text.indexOf(alias.text(), from)) >= 0) {
				from = at + alias.text().length();
				boolean free = true;
				for (int i = at; i < from; i++) {
					free &= takenBy[i] == null || takenBy[i].equals(alias.text());
				}
				if (!free) {
					continue;
				}
				for (int i = at; i < from; i++) {
					takenBy[i] = alias.text();
				}
				if (codes.add(alias.region().code())) {
					found.add(new Entities.Place(alias.region().code(), alias.region().name(), alias.text()));
				}
			}
		}
		// a township or village name shared by several counties: keep the one under a county named
		List<String> countiesNamed = found.stream().map(Entities.Place::code).filter(c -> c.length() == 6).toList();
		List<Entities.Place> kept = new ArrayList<>();
		for (Entities.Place p : found) {
			boolean shared = found.stream().anyMatch(q -> q != p && q.name().equals(p.name()));
			if (p.code().length() > 6 && shared && !countiesNamed.contains(p.code().substring(0, 6))) {
				continue;
			}
			kept.add(p);
		}
		return kept;
	}

	/** The deepest region named whose county agrees with the other places named. */
	private String bestRegion(List<Entities.Place> places) {
		if (places.isEmpty()) {
			return null;
		}
		Map<String, Integer> countyVotes = new HashMap<>();
		for (Entities.Place p : places) {
			countyVotes.merge(p.code().substring(0, 6), 1, Integer::sum);
		}
		return places.stream()
			.filter(p -> !p.code().equals("430700"))
			.max(Comparator.comparingInt((Entities.Place p) -> countyVotes.get(p.code().substring(0, 6)))
				.thenComparingInt(p -> p.code().length()))
			.map(Entities.Place::code)
			.orElse(places.get(0).code());
	}

	/** An organisation's name ends so; a recognised name ending otherwise ("5组", "道路征收该组") is a fragment. */
	private static final List<String> NAME_ENDS = Stream.concat(ORG_SUFFIXES.stream(),
			Stream.of("厂", "所", "院", "站", "队", "中心", "集团", "协会", "村委", "管委会", "指挥部"))
		.toList();

	/** Words a name never starts with: a fragment cut out of a sentence ("比同厂" of "工资比同厂的男工低"). */
	private static final String NOT_FIRST = "比同在向把被给对和跟与的该这那此其从到让叫由经为于说";

	/** Generic words HanLP sometimes glues in front of a name ("物业常德德润物业管理有限公司"). */
	private static final List<String> GENERIC_HEADS = List.of("小区", "物业", "工地", "项目", "单位", "我们", "我家", "这个", "那个");

	/**
	 * Organisation names, whole or not at all: the directory's units and units named in earlier
	 * matters where the text names them; then names HanLP recognises (nt) or a known suffix with the
	 * proper nouns and places just before it ("武陵区某局", "常德恒达置业公司"), kept only when they
	 * read as a name (a name's ending, no digits, no pronoun, no preposition in front).
	 */
	private List<String> organizations(String text) {
		LinkedHashSet<String> out = new LinkedHashSet<>();
		boolean[] taken = new boolean[text.length()];
		for (String known : knownNames) {
			int at = text.indexOf(known);
			if (at >= 0 && !taken[at] && !taken[at + known.length() - 1]) {
				out.add(known);
				for (int i = at; i < at + known.length(); i++) {
					taken[i] = true;
				}
			}
		}
		List<ChineseText.Word> words = ChineseText.segment(text);
		for (int i = 0; i < words.size(); i++) {
			ChineseText.Word w = words.get(i);
			boolean org = w.isOrganization() || ORG_SUFFIXES.stream().anyMatch(s -> w.text().endsWith(s) && w.text().length() >= s.length());
			if (!org) {
				continue;
			}
			String head = stripGenericHead(w.text());
			StringBuilder name = new StringBuilder(head);
			int j = i - 1;
			int added = 0;
			// a name whose generic head was cut off starts where it was cut
			while (j >= 0 && added < 3 && head.equals(w.text())) {
				ChineseText.Word prev = words.get(j);
				boolean joins = prev.isPlace() || prev.isOrganization() || prev.text().equals("某") || prev.text().equals("市")
						|| prev.tag().startsWith("nz") || isPlaceName(prev.text());
				if (!joins) {
					break;
				}
				name.insert(0, prev.text());
				j--;
				added++;
			}
			String candidate = name.toString();
			// a bare generic word ("公司", "局") names nobody; a fragment is no name
			if (candidate.length() >= 3 && !ORG_SUFFIXES.contains(candidate) && readsAsName(candidate)
					&& out.stream().noneMatch(o -> o.contains(candidate) || candidate.contains(o))) {
				out.add(candidate);
			}
		}
		return List.copyOf(out).subList(0, Math.min(out.size(), 5));
	}

	private static String stripGenericHead(String word) {
		for (String head : GENERIC_HEADS) {
			if (word.startsWith(head) && word.length() - head.length() >= 6) {
				return word.substring(head.length());
			}
		}
		return word;
	}

	private boolean isPlaceName(String word) {
		return aliases.stream().anyMatch(a -> a.text().equals(word))
				|| word.length() >= 2 && (word.endsWith("县") || word.endsWith("区") || word.endsWith("镇") || word.endsWith("乡")
						|| word.endsWith("街道"));
	}

	static boolean readsAsName(String candidate) {
		if (NOT_FIRST.indexOf(candidate.charAt(0)) >= 0) {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (Character.isDigit(c) || "该这那此其、，,。".indexOf(c) >= 0) {
				return false;
			}
		}
		return NAME_ENDS.stream().anyMatch(candidate::endsWith);
	}

	/** People named as a role and a surname ("村支书李某", "副局长王某", "姓刘的包工头"). */
	private List<String> persons(String text) {
		LinkedHashSet<String> out = new LinkedHashSet<>();
		Matcher m = ROLE_PERSON.matcher(text);
		while (m.find()) {
			out.add(m.group(1) + m.group(2));
		}
		Matcher s = SURNAME_ROLE.matcher(text);
		while (s.find()) {
			String role = s.group(2);
			if (role == null) {
				// "包工头姓刘的": the role stands just before
				int start = s.start();
				for (String r : List.of("包工头", "老板", "干部", "经理", "老师", "医生")) {
					if (text.startsWith(r, Math.max(0, start - r.length())) && start >= r.length()) {
						role = r;
						break;
					}
				}
			}
			out.add((role == null ? "" : role) + s.group(1) + "某");
		}
		return List.copyOf(out).subList(0, Math.min(out.size(), 5));
	}

}
