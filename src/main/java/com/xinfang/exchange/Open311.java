package com.xinfang.exchange;

import com.xinfang.organization.Category;
import com.xinfang.organization.Directory;
import com.xinfang.organization.Region;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.petition.Status;
import com.xinfang.platform.BeijingTime;
import com.xinfang.platform.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) over the petition platform. The
 * services are the content categories; a service request is a 信访事项 filed by a partner app on the
 * ONLINE channel. What the public GET shows is deliberately narrow: the number, the category, the
 * county, the status and its latest public milestone, the responsible unit and the dates. It never
 * shows the text, the reporter, the exact position, nor any matter that is an accusation
 * (检举控告, Art 30) — those are answered exactly like an unknown id.
 */
@Service
public class Open311 {

	public static final String JURISDICTION = "changde";

	/** GeoReport v2: a query without dates covers the last 90 days; at most 1000 answers. */
	static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

	static final int MAX_RESULTS = 1000;

	static final String GROUP = "信访事项";

	private final Directory directory;

	private final CountyLocator locator;

	private final PartnerIntake intake;

	private final JdbcClient jdbc;

	private final Clock clock;

	Open311(Directory directory, CountyLocator locator, PartnerIntake intake, JdbcClient jdbc, Clock clock) {
		this.directory = directory;
		this.locator = locator;
		this.intake = intake;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A GeoReport error: one HTTP status and the spec's list of {code, description}. */
	public static final class Error extends RuntimeException {

		private final int status;

		private final List<String> descriptions;

		public Error(int status, List<String> descriptions) {
			super(String.join("; ", descriptions));
			this.status = status;
			this.descriptions = List.copyOf(descriptions);
		}

		public Error(int status, String description) {
			this(status, List.of(description));
		}

		public int status() {
			return status;
		}

		public List<String> descriptions() {
			return descriptions;
		}

	}

	public void checkJurisdiction(String jurisdictionId) {
		if (jurisdictionId != null && !jurisdictionId.isBlank() && !JURISDICTION.equals(jurisdictionId.strip())) {
			throw new Error(404, "jurisdiction_id " + jurisdictionId + " 不存在：本接口只服务常德市（changde）");
		}
	}

	public List<Map<String, Object>> services() {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Category c : directory.categories()) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("service_code", c.code());
			s.put("service_name", c.name());
			s.put("description", c.description() == null ? c.name() : c.name() + "：" + c.description());
			s.put("metadata", true);
			s.put("type", "realtime");
			s.put("keywords", c.description() == null ? c.name() : c.description().replace("、", ","));
			s.put("group", GROUP);
			out.add(s);
		}
		return out;
	}

	public Map<String, Object> definition(String serviceCode) {
		Category c = category(serviceCode).orElseThrow(() -> new Error(404, "service_code " + serviceCode + " 不存在"));
		List<Map<String, Object>> attributes = new ArrayList<>();
		List<Map<String, Object>> counties = new ArrayList<>();
		for (Region r : directory.counties()) {
			counties.add(value(r.code(), r.name()));
		}
		attributes.add(attribute("region", "singlevaluelist", false, "问题所在县市区；不填时按经纬度或地址判断", 1,
				"问题所在县市区", counties));
		attributes.add(attribute("anonymous", "singlevaluelist", false, "反映人是否要求对其身份保密（登记时注明，工作人员依规处理）", 2,
				"是否要求身份保密", List.of(value("true", "是"), value("false", "否"))));
		attributes.add(attribute("title", "string", false, "标题，不超过100字；不填时取描述的开头", 3, "标题", null));
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("service_code", c.code());
		d.put("attributes", attributes);
		return d;
	}

	private static Map<String, Object> attribute(String code, String datatype, boolean required, String datatypeDescription,
			int order, String description, List<Map<String, Object>> values) {
		Map<String, Object> a = new LinkedHashMap<>();
		a.put("variable", true);
		a.put("code", code);
		a.put("datatype", datatype);
		a.put("required", required);
		a.put("datatype_description", datatypeDescription);
		a.put("order", order);
		a.put("description", description);
		if (values != null) {
			a.put("values", values);
		}
		return a;
	}

	private static Map<String, Object> value(String key, String name) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("key", key);
		v.put("name", name);
		return v;
	}

	private Optional<Category> category(String code) {
		return code == null ? Optional.empty() : directory.category(code.strip());
	}

	/** POST requests: the form's parameters, already authenticated as the partner. */
	public List<Map<String, Object>> create(Partner partner, Map<String, String> form, String idempotencyKey) {
		List<String> problems = new ArrayList<>();
		String serviceCode = form.get("service_code");
		Category category = category(serviceCode).orElse(null);
		if (serviceCode == null || serviceCode.isBlank()) {
			problems.add("service_code：缺少服务代码（内容分类）");
		}
		else if (category == null) {
			problems.add("service_code：服务代码 " + serviceCode + " 不存在");
		}
		String region = region(form, problems);
		String description = trim(form.get("description"));
		String name = (trim(form.get("last_name")) == null ? "" : trim(form.get("last_name")))
				+ (trim(form.get("first_name")) == null ? "" : trim(form.get("first_name")));
		if (!problems.isEmpty()) {
			throw new Error(400, problems);
		}
		StringBuilder content = new StringBuilder(description == null ? "" : description);
		if (description != null) {
			if (trim(form.get("address_string")) != null) {
				content.append("\n（地址：").append(trim(form.get("address_string"))).append("）");
			}
			if (trim(form.get("media_url")) != null) {
				content.append("\n（照片：").append(trim(form.get("media_url"))).append("）");
			}
			if ("true".equalsIgnoreCase(trim(form.get("attribute[anonymous]")))) {
				content.append("\n（反映人要求对其身份保密）");
			}
		}
		var cmd = new RegisterPetition("ONLINE", null, region, trim(form.get("attribute[title]")), content.toString(),
				category.code(), "DISCIPLINE".equals(category.code()) ? "ACCUSATION" : null, null,
				List.of(new RegisterPetition.PetitionerInput(name, null, trim(form.get("phone")), null, true)), 1, null,
				null);
		String externalId = idempotencyKey == null || idempotencyKey.isBlank() ? "open311:" + UUID.randomUUID()
				: "open311:" + idempotencyKey.strip();
		PartnerIntake.Filed filed;
		try {
			filed = intake.file(partner, externalId, new TreeMap<>(form).toString(), cmd, "OPEN311_REQUEST");
		}
		catch (DomainException.Invalid ex) {
			throw new Error(400, ex.problems().stream().map(p -> param(p.field()) + "：" + p.message()).toList());
		}
		catch (DomainException.Conflict ex) {
			throw new Error(409, ex.getMessage());
		}
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("service_request_id", filed.number());
		r.put("service_notice", "已登记为信访事项，信访编号 " + filed.number() + "，查询码 " + filed.queryCode()
				+ "（请转告反映人妥善保存）。我们将在15日内告知是否受理。");
		r.put("account_id", null);
		return List.of(r);
	}

	/** The county (or a finer region) of the report: attribute, position, address id, address text. */
	private String region(Map<String, String> form, List<String> problems) {
		String chosen = trim(form.get("attribute[region]"));
		if (chosen != null) {
			if (directory.counties().stream().anyMatch(r -> r.code().equals(chosen))) {
				return chosen;
			}
			problems.add("attribute[region]：县市区 " + chosen + " 不存在");
			return null;
		}
		String lat = trim(form.get("lat"));
		String lon = trim(form.get("long"));
		if (lat != null || lon != null) {
			try {
				double la = Double.parseDouble(lat);
				double lo = Double.parseDouble(lon);
				if (la < -90 || la > 90 || lo < -180 || lo > 180) {
					problems.add("lat/long：经纬度超出取值范围");
					return null;
				}
				var county = locator.countyAt(la, lo);
				if (county.isEmpty()) {
					problems.add("lat/long：位置（" + lat + ", " + lon + "）不在常德市范围内。本平台只受理常德市的事项，请向问题所在地的信访部门反映");
					return null;
				}
				return county.get();
			}
			catch (NumberFormatException | NullPointerException ex) {
				problems.add("lat/long：经纬度须同时提供，且为十进制数（WGS-84）");
				return null;
			}
		}
		String addressId = trim(form.get("address_id"));
		if (addressId != null) {
			var r = directory.region(addressId);
			if (r.isPresent() && r.get().code().startsWith("4307") && r.get().level() != Region.Level.CITY) {
				return r.get().code();
			}
			problems.add("address_id：应为常德市的县市区或乡镇街道行政区划代码");
			return null;
		}
		String address = trim(form.get("address_string"));
		if (address != null) {
			var county = locator.countyNamed(address);
			if (county.isPresent()) {
				return county.get();
			}
			problems.add("address_string：无法从地址确定所在县市区，请写明县市区名称（如“武陵区”）或提供经纬度");
			return null;
		}
		problems.add("lat/long、address_string 或 address_id：请至少提供一种位置信息");
		return null;
	}

	private static String param(String field) {
		if (field.startsWith("petitioners")) {
			return field.endsWith(".phone") ? "phone" : field.endsWith(".name") ? "first_name/last_name" : "phone";
		}
		return switch (field) {
			case "content" -> "description";
			case "title" -> "attribute[title]";
			case "regionCode" -> "lat/long";
			case "categoryCode", "kind" -> "service_code";
			default -> field;
		};
	}

	/** GET requests with the spec's filters; service_request_id, when given, overrides the others. */
	@Transactional(readOnly = true)
	public List<Map<String, Object>> requests(String ids, String serviceCode, String startDate, String endDate,
			String status) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder();
		if (ids != null && !ids.isBlank()) {
			List<String> list = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty()).limit(MAX_RESULTS).toList();
			where.append(" AND p.number IN (").append(String.join(",", Collections.nCopies(list.size(), "?"))).append(")");
			params.addAll(list);
		}
		else {
			OffsetDateTime end = parseDate(endDate, "end_date");
			OffsetDateTime start = parseDate(startDate, "start_date");
			if (end == null) {
				end = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
			}
			if (start == null) {
				start = end.minus(DEFAULT_WINDOW);
			}
			if (start.isAfter(end)) {
				throw new Error(400, "start_date 不能晚于 end_date");
			}
			where.append(" AND p.received_at >= ? AND p.received_at <= ?");
			params.add(start);
			params.add(end);
			if (serviceCode != null && !serviceCode.isBlank()) {
				List<String> codes = Arrays.stream(serviceCode.split(",")).map(String::strip).toList();
				where.append(" AND p.category_code IN (").append(String.join(",", Collections.nCopies(codes.size(), "?"))).append(")");
				params.addAll(codes);
			}
			if (status != null && !status.isBlank()) {
				List<String> wanted = Arrays.stream(status.split(",")).map(String::strip).toList();
				if (!wanted.stream().allMatch(s -> s.equals("open") || s.equals("closed"))) {
					throw new Error(400, "status 只能是 open 或 closed");
				}
				if (!(wanted.contains("open") && wanted.contains("closed"))) {
					where.append(wanted.contains("open") ? " AND NOT (" + CLOSED + ")" : " AND (" + CLOSED + ")");
				}
			}
		}
		params.add(MAX_RESULTS);
		return jdbc.sql(SELECT + where + " ORDER BY p.received_at DESC LIMIT ?").params(params).query((rs, n) -> {
			Map<String, Object> r = new LinkedHashMap<>();
			String st = rs.getString("status");
			r.put("service_request_id", rs.getString("number"));
			r.put("status", closed(st) ? "closed" : "open");
			r.put("status_notes", rs.getString("note") == null ? Webhooks.statusLabel(st) : Webhooks.statusLabel(st) + "：" + rs.getString("note"));
			r.put("service_name", rs.getString("category_name"));
			r.put("service_code", rs.getString("category_code"));
			r.put("description", null);
			r.put("agency_responsible", rs.getString("agency") == null ? "常德市信访局" : rs.getString("agency"));
			r.put("service_notice", null);
			r.put("requested_datetime", time(rs.getObject("received_at", OffsetDateTime.class)));
			r.put("updated_datetime", time(rs.getObject("updated_at", OffsetDateTime.class)));
			LocalDate due = rs.getObject("due", LocalDate.class);
			r.put("expected_datetime", due == null || closed(st) ? null
					: W3C.format(due.atTime(23, 59, 59).atZone(BeijingTime.ZONE)));
			r.put("address", "湖南省常德市" + rs.getString("county_name"));
			r.put("address_id", rs.getString("county_code"));
			r.put("zipcode", null);
			r.put("lat", null);
			r.put("long", null);
			r.put("media_url", null);
			return r;
		}).list();
	}

	/** One request; an accusation, or a matter that did not come through Open311, is "not found". */
	public Map<String, Object> request(String id) {
		var found = requests(id, null, null, null, null);
		if (found.isEmpty()) {
			throw new Error(404, "service_request_id " + id + " 不存在");
		}
		return found.get(0);
	}

	static final String CLOSED = Status.sqlFinished("p");

	private static boolean closed(String status) {
		return Status.isIn(status, Status.FINISHED);
	}

	/** Only matters filed through an Open311 partner, never an accusation (its existence is confidential). */
	private static final String SELECT = """
			SELECT p.number, p.status, p.category_code, c.name AS category_name, u.name AS agency, p.received_at,
			  left(p.region_code, 6) AS county_code, r.name AS county_name,
			  (SELECT max(h.at) FROM petition_step h WHERE h.petition_id = p.id) AS updated_at,
			  (SELECT h.public_milestone FROM petition_step h WHERE h.petition_id = p.id AND h.public_milestone IS NOT NULL
			   ORDER BY h.at DESC, h.id DESC LIMIT 1) AS note,
			  coalesce(p.handle_statutory, p.accept_statutory) AS due
			FROM exchange_link l JOIN exchange_partner x ON x.id = l.partner_id AND x.kind = 'OPEN311_APP'
			JOIN petition_fact p ON p.number = l.petition_number
			LEFT JOIN category c ON c.code = p.category_code
			LEFT JOIN unit u ON u.code = p.responsible_unit_code
			LEFT JOIN region r ON r.code = left(p.region_code, 6)
			WHERE coalesce(p.kind, '') <> 'ACCUSATION' AND coalesce(p.category_code, '') <> 'DISCIPLINE'""";

	/** W3C-note ISO 8601 with seconds and offset, as GeoReport v2 asks. */
	static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static String time(OffsetDateTime t) {
		return t == null ? null : W3C.format(BeijingTime.of(t));
	}

	private static OffsetDateTime parseDate(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip().replace(' ', '+'));
		}
		catch (DateTimeParseException ex) {
			throw new Error(400, name + " 须为带时区的 ISO 8601 时间，例如 2026-12-01T00:00:00+08:00");
		}
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
