package com.xinfang.organization;

import java.util.Map;

/**
 * The rule that turns a unit's short name into the name an official document is issued under,
 * and gives it a 机关代字 when none was recorded. The directory stores both for every seeded unit
 * (V51); this rule covers a unit added later without them.
 * <ul>
 * <li>A city department called 市… is the city's: 市人力资源和社会保障局 → 常德市人力资源和社会保障局.</li>
 * <li>A district (区) or functional zone is written under the city, a county (县) or county-level
 * city on its own: 武陵区人社局 → 常德市武陵区人社局, 区住建局 of 鼎城区 → 常德市鼎城区住建局,
 * 澧县信访局 stays as it is.</li>
 * <li>A name without any of these (涉法涉诉联合受理中心) gets its region's full name in front.</li>
 * <li>The fallback 机关代字 is the first character of the city or county, two characters of the
 * name after it, and 信 (常退役信); for a 信访局 the first character and 信访 (武信访).</li>
 * </ul>
 */
final class OfficialNames {

	private OfficialNames() {
	}

	static String officialName(String name, String regionCode, Map<String, Region> regions) {
		Region city = city(regions);
		Region county = county(regionCode, regions);
		if (city == null || name == null || name.startsWith(city.name()) || name.startsWith("湖南省")) {
			return name;
		}
		String cityShort = shortName(city);
		if (name.startsWith(cityShort)) {
			return name;
		}
		if (county == null || county.level() == Region.Level.CITY) {
			return city.name() + (name.startsWith("市") ? name.substring(1) : name);
		}
		String countyFull = fullName(county, city);
		if (name.startsWith(county.name())) {
			return countyFull + name.substring(county.name().length());
		}
		if (name.startsWith("县") || name.startsWith("区")) {
			return countyFull + name.substring(1);
		}
		if (name.startsWith("市")) {
			// a county unit named 市… belongs to a county-level city (津市市)
			return county.name().endsWith("市") ? countyFull + name.substring(1) : city.name() + name.substring(1);
		}
		return countyFull + name;
	}

	static String documentCode(String name, Unit.Kind kind, String regionCode, Map<String, Region> regions) {
		Region city = city(regions);
		Region county = county(regionCode, regions);
		Region place = county == null || county.level() == Region.Level.CITY ? city : county;
		String prefix = place == null ? "" : place.name().substring(0, 1);
		if (kind == Unit.Kind.PETITION_BUREAU) {
			return prefix + "信访";
		}
		String rest = name;
		for (String p : new String[] { city == null ? null : city.name(), county == null ? null : county.name(),
				city == null ? null : shortName(city), "市", "县", "区" }) {
			if (p != null && !p.isEmpty() && rest.startsWith(p)) {
				rest = rest.substring(p.length());
			}
		}
		rest = rest.replaceAll("[（(].*$", "");
		return prefix + rest.substring(0, Math.min(2, rest.length())) + "信";
	}

	private static String fullName(Region county, Region city) {
		boolean district = county.level() == Region.Level.ZONE || county.name().endsWith("区");
		if (!district || county.name().startsWith(shortName(city))) {
			return county.name();
		}
		return city.name() + county.name();
	}

	/** 常德 for 常德市. */
	private static String shortName(Region city) {
		String n = city.name();
		return n.endsWith("市") && n.length() > 2 ? n.substring(0, n.length() - 1) : n;
	}

	private static Region city(Map<String, Region> regions) {
		return regions.values().stream().filter(r -> r.parentCode() == null).findFirst().orElse(null);
	}

	private static Region county(String regionCode, Map<String, Region> regions) {
		if (regionCode == null || regionCode.length() < 6) {
			return null;
		}
		return regions.get(regionCode.substring(0, 6));
	}

}
