package com.xinfang.organization;

import com.xinfang.platform.Rows;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read access to the reference data. It changes rarely and is small (thousands of rows at most),
 * so it is held in memory and reloaded when an administrator changes it.
 */
@Service
public class Directory {

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot;

	Directory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Region> region(String code) {
		return Optional.ofNullable(code).map(c -> snapshot().regions.get(c));
	}

	public List<Region> regionChildren(String parentCode) {
		return snapshot().regions.values()
			.stream()
			.filter(r -> parentCode == null ? r.parentCode() == null : parentCode.equals(r.parentCode()))
			.toList();
	}

	/** The city's counties and functional zones, in their official order. */
	public List<Region> counties() {
		return snapshot().regions.values()
			.stream()
			.filter(r -> r.level() == Region.Level.COUNTY || r.level() == Region.Level.ZONE)
			.toList();
	}

	/** Names from the city down to the region: 常德市 / 武陵区 / 丹阳街道. */
	public String regionPath(String code) {
		var names = new ArrayDeque<String>();
		Region r = snapshot().regions.get(code);
		while (r != null) {
			names.addFirst(r.name());
			r = r.parentCode() == null ? null : snapshot().regions.get(r.parentCode());
		}
		return String.join(" / ", names);
	}

	public String regionName(String code) {
		return region(code).map(Region::name).orElse(code);
	}

	public Optional<Unit> unit(String code) {
		return Optional.ofNullable(code).map(c -> snapshot().units.get(c));
	}

	public List<Unit> units() {
		return List.copyOf(snapshot().units.values());
	}

	public boolean isPetitionBureau(String unitCode) {
		return unit(unitCode).map(Unit::isPetitionBureau).orElse(false);
	}

	public String unitName(String code) {
		return unit(code).map(Unit::name).orElse(code);
	}

	/** The name an official document is issued under: 常德市人力资源和社会保障局 for 市人力资源和社会保障局. */
	public String officialName(String code) {
		return unit(code).map(Unit::officialName).orElse(code);
	}

	/** The 信访局 of a region (the county's bureau, else the city's). */
	public Optional<Unit> petitionBureauFor(String regionCode) {
		if (regionCode == null) {
			return Optional.empty();
		}
		String county = regionCode.substring(0, Math.min(6, regionCode.length()));
		return snapshot().units.values()
			.stream()
			.filter(u -> u.isPetitionBureau() && u.regionCode().equals(county))
			.findFirst()
			.or(() -> snapshot().units.values().stream().filter(u -> u.isPetitionBureau() && u.parentCode() == null).findFirst());
	}

	public Optional<Category> category(String code) {
		return Optional.ofNullable(code).map(c -> snapshot().categories.get(c));
	}

	public List<Category> categories() {
		return List.copyOf(snapshot().categories.values());
	}

	public String categoryName(String code) {
		return category(code).map(Category::name).orElse(code);
	}

	/** Drops the cached copy after an administrator's change. */
	public void reload() {
		snapshot = null;
	}

	private Snapshot snapshot() {
		Snapshot s = snapshot;
		if (s == null) {
			s = load();
			snapshot = s;
		}
		return s;
	}

	private Snapshot load() {
		Map<String, Region> regions = new LinkedHashMap<>();
		jdbc.sql("SELECT code, name, level, parent_code FROM region ORDER BY sort_order, code")
			.query(Rows.of(Region.class))
			.list()
			.forEach(r -> regions.put(r.code(), r));
		Map<String, Unit> units = new LinkedHashMap<>();
		jdbc.sql("SELECT code, name, kind, region_code, parent_code, official_name, doc_code FROM unit ORDER BY sort_order, code")
			.query((rs, n) -> {
				String name = rs.getString("name");
				Unit.Kind kind = Unit.Kind.valueOf(rs.getString("kind"));
				String region = rs.getString("region_code");
				String official = rs.getString("official_name");
				String docCode = rs.getString("doc_code");
				return new Unit(rs.getString("code"), name, kind, region, rs.getString("parent_code"),
						official == null || official.isBlank() ? OfficialNames.officialName(name, region, regions) : official,
						docCode == null || docCode.isBlank() ? OfficialNames.documentCode(name, kind, region, regions) : docCode);
			})
			.list()
			.forEach(u -> units.put(u.code(), u));
		Map<String, Category> categories = new LinkedHashMap<>();
		jdbc.sql("SELECT code, name, description, default_unit_code, parent_code FROM category ORDER BY sort_order, code")
			.query(Rows.of(Category.class))
			.list()
			.stream()
			.sorted(Comparator.comparing(c -> 0))
			.forEach(c -> categories.put(c.code(), c));
		return new Snapshot(regions, units, categories);
	}

	private record Snapshot(Map<String, Region> regions, Map<String, Unit> units, Map<String, Category> categories) {
	}

}
