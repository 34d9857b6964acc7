package com.xinfang.exchange.web;

import com.xinfang.exchange.HandOver;
import com.xinfang.exchange.HotlineOrders;
import com.xinfang.exchange.Partner;
import com.xinfang.exchange.Partners;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Endpoints for partner systems, authenticated by the partner's API key (X-Api-Key). */
@RestController
@RequestMapping("/api/v1/exchange/partner")
@Tag(name = "合作系统接口", description = "12345 热线工单与国家信访信息系统交换；以合作系统 API 密钥认证")
class PartnerApi {

	private final Partners partners;

	private final HotlineOrders orders;

	private final JsonMapper json;

	private final HandOver handOver;

	PartnerApi(Partners partners, HotlineOrders orders, HandOver handOver, JsonMapper json) {
		this.partners = partners;
		this.orders = orders;
		this.handOver = handOver;
		this.json = json;
	}

	@GetMapping("/handover/matters/{number}")
	@Operation(summary = "导出一件信访事项的交换包（xinfang-handover 1.0）", security = @SecurityRequirement(name = "partnerKey"))
	Map<String, Object> exportOne(@Parameter(hidden = true) @RequestHeader(name = "X-Api-Key", required = false) String key,
			@PathVariable String number) {
		return handOver.exportMatter(partners.authenticate(key, Partner.Permission.HANDOVER), number);
	}

	@GetMapping("/handover/matters")
	@Operation(summary = "导出某时间以来有变化的信访事项（每包最多200件，truncated 为 true 时以最后一件的时间续取）",
			security = @SecurityRequirement(name = "partnerKey"))
	Map<String, Object> exportSince(@Parameter(hidden = true) @RequestHeader(name = "X-Api-Key", required = false) String key,
			@Parameter(description = "ISO 8601 时间，含时区", example = "2026-12-01T00:00:00+08:00") @RequestParam String since) {
		Partner partner = partners.authenticate(key, Partner.Permission.HANDOVER);
		OffsetDateTime from;
		try {
			from = OffsetDateTime.parse(since.strip().replace(' ', '+'));
		}
		catch (DateTimeParseException ex) {
			throw new DomainException.Invalid("since", "since 须为带时区的 ISO 8601 时间，例如 2026-12-01T00:00:00+08:00");
		}
		return handOver.exportChangedSince(partner, from);
	}

	@PostMapping(path = "/handover/import", consumes = "application/json")
	@Operation(summary = "导入交换包：新事项登记，相同的包不重复登记，不一致之处作为冲突报告而不覆盖",
			security = @SecurityRequirement(name = "partnerKey"))
	Map<String, Object> importPackage(@Parameter(hidden = true) @RequestHeader(name = "X-Api-Key", required = false) String key,
			@RequestBody String body) {
		Partner partner = partners.authenticate(key, Partner.Permission.HANDOVER);
		JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (RuntimeException ex) {
			throw new DomainException.Invalid("body", "交换包不是有效的 JSON");
		}
		return Map.of("results", handOver.importPackage(partner, node));
	}

	@PostMapping(path = "/12345/orders", consumes = "application/json")
	@Operation(summary = "接收 12345 热线转办工单（同一工单号重复提交返回同一信访事项）", security = @SecurityRequirement(name = "partnerKey"))
	ResponseEntity<Map<String, Object>> order(
			@Parameter(hidden = true) @RequestHeader(name = "X-Api-Key", required = false) String key,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "12345 工单",
					content = @io.swagger.v3.oas.annotations.media.Content(
							schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = HotlineOrderDoc.class),
							examples = @io.swagger.v3.oas.annotations.media.ExampleObject(name = "工单", value = ORDER_EXAMPLE)))
			@RequestBody String body) {
		Partner partner = partners.authenticate(key, Partner.Permission.FILE);
		JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (RuntimeException ex) {
			throw new DomainException.Invalid("body", "工单不是有效的 JSON");
		}
		var out = orders.receive(partner, node, body);
		boolean created = Boolean.TRUE.equals(out.get("created"));
		return created ? ResponseEntity.created(URI.create("/api/v1/exchange/partner/12345/orders/" + out.get("orderId"))).body(out)
				: ResponseEntity.ok(out);
	}

	static final String ORDER_EXAMPLE = """
			{"orderId": "12345-20261206-000123", "receivedAt": "2026-12-06T09:30:00+08:00",
			 "caller": {"name": "向春花", "phone": "13974260011"},
			 "request": {"title": "小区物业拖欠保洁员工资", "content": "物业公司拖欠保洁员三个月工资共计一万二千元，请求督促支付。"},
			 "category": "LABOR", "place": {"regionCode": "430702", "address": "武陵区丹阳街道某小区"}, "urgency": "URGENT"}""";

	/** The order's documented shape (the endpoint reads it field by field to report every fault). */
	record HotlineOrderDoc(String orderId, OffsetDateTime receivedAt, Caller caller, Request request,
			String category, Place place, String urgency) {

		record Caller(String name, String phone, String idNumber) {
		}

		record Request(String title, String content) {
		}

		record Place(String regionCode, String address, Double lat, @com.fasterxml.jackson.annotation.JsonProperty("long") Double lon) {
		}

	}

}
