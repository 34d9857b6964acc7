package com.xinfang.exchange;

import com.xinfang.organization.Directory;
import com.xinfang.petition.RegisterPetition;
import com.xinfang.platform.DomainException;
import com.xinfang.platform.DomainException.FieldProblem;
import com.xinfang.privacy.IdNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * 12345 hotline work orders in. The order is checked field by field first, so a malformed order is
 * answered with every field at fault at once; then it is registered as a 信访事项 on the
 * HOTLINE_12345 channel with the order's received time (the statutory clock starts there), once per
 * order id.
 */
@Service
public class HotlineOrders {

	static final List<String> URGENCY = List.of("NORMAL", "URGENT", "VERY_URGENT");

	private final PartnerIntake intake;

	private final Directory directory;

	private final CountyLocator locator;

	private final Clock clock;

	HotlineOrders(PartnerIntake intake, Directory directory, CountyLocator locator, Clock clock) {
		this.intake = intake;
		this.directory = directory;
		this.locator = locator;
		this.clock = clock;
	}

	public Map<String, Object> receive(Partner partner, JsonNode order, String rawBody) {
		List<FieldProblem> problems = new ArrayList<>();
		if (order == null || !order.isObject()) {
			throw new DomainException.Invalid("body", "工单须为 JSON 对象");
		}
		String orderId = text(order, "orderId");
		if (orderId == null) {
			problems.add(new FieldProblem("orderId", "缺少工单编号"));
		}
		else if (!orderId.matches("[A-Za-z0-9_\\-]{1,64}")) {
			problems.add(new FieldProblem("orderId", "工单编号只能包含字母、数字、下划线和连字符，不超过64位"));
		}
		Instant now = clock.instant();
		OffsetDateTime receivedAt = null;
		String received = text(order, "receivedAt");
		if (received == null) {
			problems.add(new FieldProblem("receivedAt", "缺少热线受理时间"));
		}
		else {
			try {
				receivedAt = OffsetDateTime.parse(received);
				if (receivedAt.toInstant().isAfter(now.plus(Duration.ofMinutes(5)))) {
					problems.add(new FieldProblem("receivedAt", "受理时间不能晚于现在"));
				}
				else if (receivedAt.toInstant().isBefore(now.minus(Duration.ofDays(366)))) {
					problems.add(new FieldProblem("receivedAt", "受理时间早于一年前，请核对"));
				}
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("receivedAt", "受理时间须为带时区的 ISO 8601 时间，例如 2026-12-06T09:30:00+08:00"));
			}
		}
		JsonNode caller = order.path("caller");
		String name = text(caller, "name");
		if (name == null || name.length() > 30) {
			problems.add(new FieldProblem("caller.name", "请填写来电人姓名（不超过30字）"));
		}
		String phone = text(caller, "phone");
		if (phone != null && !phone.replaceAll("[\\s-]", "").matches("\\+?\\d{7,14}")) {
			problems.add(new FieldProblem("caller.phone", "联系电话格式不正确"));
		}
		String idNumber = text(caller, "idNumber");
		if (idNumber != null) {
			IdNumber.problem(IdNumber.normalise(idNumber), LocalDate.now(clock))
				.ifPresent(p -> problems.add(new FieldProblem("caller.idNumber", p)));
		}
		JsonNode req = order.path("request");
		String title = text(req, "title");
		String content = text(req, "content");
		if (content == null) {
			problems.add(new FieldProblem("request.content", "缺少来电诉求内容"));
		}
		else if (content.length() > 4800) {
			problems.add(new FieldProblem("request.content", "诉求内容不能超过4800字"));
		}
		if (title != null && title.length() > 90) {
			problems.add(new FieldProblem("request.title", "标题不能超过90字"));
		}
		String category = text(order, "category");
		if (category != null && directory.category(category).isEmpty()) {
			problems.add(new FieldProblem("category", "内容分类 " + category + " 不存在（见 GET /api/v1/categories）"));
		}
		String urgency = text(order, "urgency");
		if (urgency != null && !URGENCY.contains(urgency)) {
			problems.add(new FieldProblem("urgency", "紧急程度只能是 NORMAL、URGENT 或 VERY_URGENT"));
		}
		String region = region(order.path("place"), problems);
		if (!problems.isEmpty()) {
			throw new DomainException.Invalid(problems);
		}
		String prefix = "URGENT".equals(urgency) ? "【紧急】" : "VERY_URGENT".equals(urgency) ? "【特急】" : "";
		String address = text(order.path("place"), "address");
		StringBuilder body = new StringBuilder(content);
		if (address != null) {
			body.append("\n（地点：").append(address).append("）");
		}
		body.append("\n（12345工单号：").append(orderId).append("）");
		var cmd = new RegisterPetition("HOTLINE_12345", receivedAt, region,
				title == null ? null : prefix + title, body.toString(), category, null, null,
				List.of(new RegisterPetition.PetitionerInput(name, idNumber, phone, address, true)), 1, null, null);
		PartnerIntake.Filed filed;
		try {
			filed = intake.file(partner, orderId, rawBody, cmd, "HOTLINE_ORDER");
		}
		catch (DomainException.Invalid ex) {
			throw new DomainException.Invalid(ex.problems().stream().map(p -> new FieldProblem(field(p.field()), p.message())).toList());
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("orderId", orderId);
		out.put("number", filed.number());
		out.put("queryCode", filed.queryCode());
		out.put("created", filed.created());
		return out;
	}

	private String region(JsonNode place, List<FieldProblem> problems) {
		String code = text(place, "regionCode");
		if (code != null) {
			var r = directory.region(code);
			if (r.isEmpty() || !r.get().code().startsWith("4307")) {
				problems.add(new FieldProblem("place.regionCode", "行政区划代码 " + code + " 不属于常德市"));
				return null;
			}
			return r.get().code();
		}
		if (place.hasNonNull("lat") || place.hasNonNull("long")) {
			if (!place.path("lat").isNumber() || !place.path("long").isNumber()) {
				problems.add(new FieldProblem("place.lat", "经纬度须同时提供且为数字"));
				return null;
			}
			var county = locator.countyAt(place.path("lat").asDouble(), place.path("long").asDouble());
			if (county.isEmpty()) {
				problems.add(new FieldProblem("place.lat", "位置不在常德市范围内"));
				return null;
			}
			return county.get();
		}
		String address = text(place, "address");
		var county = locator.countyNamed(address);
		if (county.isEmpty()) {
			problems.add(new FieldProblem("place", address == null ? "缺少地点：请提供 regionCode、经纬度或含县市区名称的地址"
					: "无法从地址确定所在县市区，请提供 regionCode 或经纬度"));
			return null;
		}
		return county.get();
	}

	private static String field(String registrationField) {
		if (registrationField.startsWith("petitioners")) {
			return registrationField.endsWith(".idNumber") ? "caller.idNumber"
					: registrationField.endsWith(".phone") ? "caller.phone" : "caller.name";
		}
		return switch (registrationField) {
			case "content" -> "request.content";
			case "title" -> "request.title";
			case "regionCode" -> "place";
			case "categoryCode" -> "category";
			default -> registrationField;
		};
	}

	static String text(JsonNode node, String field) {
		JsonNode v = node == null ? null : node.get(field);
		if (v == null || v.isNull() || !v.isValueNode()) {
			return null;
		}
		String s = v.asString().strip();
		return s.isEmpty() ? null : s;
	}

}
