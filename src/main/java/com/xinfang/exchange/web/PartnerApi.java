package com.xinfang.exchange.web;

import com.xinfang.exchange.HotlineOrders;
import com.xinfang.exchange.Partner;
import com.xinfang.exchange.Partners;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
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

	PartnerApi(Partners partners, HotlineOrders orders, JsonMapper json) {
		this.partners = partners;
		this.orders = orders;
		this.json = json;
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
	record HotlineOrderDoc(String orderId, java.time.OffsetDateTime receivedAt, Caller caller, Request request,
			String category, Place place, String urgency) {

		record Caller(String name, String phone, String idNumber) {
		}

		record Request(String title, String content) {
		}

		record Place(String regionCode, String address, Double lat, @com.fasterxml.jackson.annotation.JsonProperty("long") Double lon) {
		}

	}

}
