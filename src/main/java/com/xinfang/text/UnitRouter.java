package com.xinfang.text;

import com.xinfang.organization.Category;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.organization.Unit;
import java.util.Optional;

/**
 * The responsible unit a registrar would pick (分级负责、属地管理): a county bureau sends a matter to
 * its county's department for the category where there is one (武陵区人力资源和社会保障局 for wages
 * in 武陵区), else to the category's default city unit (domain.md §5); the city bureau sends to the
 * city's departments, which may assign down. Accusations and court matters always go to the city's
 * 纪委监委 and 涉法涉诉联合受理中心, which serve the whole city.
 */
final class UnitRouter {

	private final Directory directory;

	UnitRouter(Directory directory) {
		this.directory = directory;
	}

	record Route(String unitCode, double confidence) {
	}

	/**
	 * @param fromUnitCode the registering bureau (null when unknown: routed as by the problem's
	 * county bureau)
	 */
	Optional<Route> route(String categoryCode, String regionCode, String fromUnitCode) {
		Optional<Category> category = directory.category(categoryCode);
		if (category.isEmpty() || category.get().defaultUnitCode() == null) {
			return Optional.empty();
		}
		Unit cityUnit = directory.unit(category.get().defaultUnitCode()).orElse(null);
		if (cityUnit == null) {
			return Optional.empty();
		}
		Region region = regionCode == null ? null : directory.region(regionCode).orElse(null);
		if (region == null) {
			// no place known: the city unit is right for city matters, a guess for county ones
			return Optional.of(new Route(cityUnit.code(), 0.6));
		}
		if (cityUnit.kind() != Unit.Kind.DEPARTMENT && cityUnit.kind() != Unit.Kind.GOVERNMENT) {
			return Optional.of(new Route(cityUnit.code(), 0.95));
		}
		String county = region.countyCode();
		boolean fromCity = directory.unit(fromUnitCode).map(u -> u.regionCode().equals(cityUnit.regionCode())).orElse(false);
		if (county.equals(cityUnit.regionCode()) || fromCity) {
			return Optional.of(new Route(cityUnit.code(), 0.9));
		}
		String duty = cityUnit.name().startsWith("市") ? cityUnit.name().substring(1) : cityUnit.name();
		Optional<Unit> local = directory.units()
			.stream()
			.filter(u -> county.equals(u.regionCode()) && u.kind() == cityUnit.kind() && u.name().endsWith(duty))
			.findFirst();
		return Optional.of(local.map(u -> new Route(u.code(), 0.9)).orElse(new Route(cityUnit.code(), 0.7)));
	}

}
