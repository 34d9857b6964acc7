package com.xinfang.organization.web;

import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reference data: categories, the region tree and units. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "参考数据")
class ReferenceDataApi {

	private final Directory directory;

	ReferenceDataApi(Directory directory) {
		this.directory = directory;
	}

	record CategoryView(String code, String name, String defaultUnitCode) {
	}

	record RegionView(String code, String name, String level) {
	}

	record UnitView(String code, String name, String regionCode, String officialName) {
	}

	@GetMapping("/categories")
	@Operation(summary = "内容分类")
	List<CategoryView> categories() {
		return directory.categories().stream().map(c -> new CategoryView(c.code(), c.name(), c.defaultUnitCode())).toList();
	}

	@GetMapping("/regions")
	@Operation(summary = "行政区划（某一级的下级）")
	List<RegionView> regions(@RequestParam(required = false) String parent) {
		List<Region> list = parent == null ? directory.regionChildren(null) : directory.regionChildren(parent);
		return list.stream().map(r -> new RegionView(r.code(), r.name(), r.level().name())).toList();
	}

	@GetMapping("/units")
	@Operation(summary = "单位")
	List<UnitView> units() {
		return directory.units().stream().map(u -> new UnitView(u.code(), u.name(), u.regionCode(), u.officialName())).toList();
	}

}
