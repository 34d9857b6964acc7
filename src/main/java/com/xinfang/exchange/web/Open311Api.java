package com.xinfang.exchange.web;

import com.xinfang.exchange.Open311;
import com.xinfang.exchange.Partner;
import com.xinfang.exchange.Partners;
import com.xinfang.platform.DomainException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 at /open311/v2/, in JSON and XML, with errors as the specification's list
 * of {code, description}. Documented by the GeoReport v2 specification itself (and discovery), so
 * it is kept out of the OpenAPI document.
 */
@Controller
@Hidden
@RequestMapping("/open311/v2")
class Open311Api {

	private static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

	private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

	private final Open311 open311;

	private final Partners partners;

	private final JsonMapper json;

	Open311Api(Open311 open311, Partners partners, JsonMapper json) {
		this.open311 = open311;
		this.partners = partners;
		this.json = json;
	}

	@GetMapping("/discovery.{format}")
	ResponseEntity<String> discovery(@PathVariable String format, HttpServletRequest request) {
		String fmt = format(format);
		String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
				+ request.getContextPath() + "/open311/v2/";
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", "http://wiki.open311.org/GeoReport_v2");
		endpoint.put("url", base);
		endpoint.put("changeset", CHANGESET);
		endpoint.put("type", "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("changeset", CHANGESET);
		d.put("contact", "常德市信访局 信息科（合作接入请联系系统管理员）");
		d.put("key_service", "向常德市信访局系统管理员申请合作系统 API 密钥（系统管理 → 合作系统）");
		d.put("endpoints", List.of(endpoint));
		return answer(fmt, "discovery", d);
	}

	static final String CHANGESET = "2026-12-06T00:00:00+08:00";

	@GetMapping("/services.{format}")
	ResponseEntity<String> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		String fmt = format(format);
		open311.checkJurisdiction(jurisdiction);
		return answer(fmt, "services", open311.services());
	}

	@GetMapping("/services/{code}.{format}")
	ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		String fmt = format(format);
		open311.checkJurisdiction(jurisdiction);
		return answer(fmt, "service_definition", open311.definition(code));
	}

	@GetMapping("/requests.{format}")
	ResponseEntity<String> requests(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction,
			@RequestParam(name = "service_request_id", required = false) String ids,
			@RequestParam(name = "service_code", required = false) String serviceCode,
			@RequestParam(name = "start_date", required = false) String start,
			@RequestParam(name = "end_date", required = false) String end,
			@RequestParam(name = "status", required = false) String status) {
		String fmt = format(format);
		open311.checkJurisdiction(jurisdiction);
		return answer(fmt, "service_requests", open311.requests(ids, serviceCode, start, end, status));
	}

	@GetMapping("/requests/{id}.{format}")
	ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) String jurisdiction) {
		String fmt = format(format);
		open311.checkJurisdiction(jurisdiction);
		return answer(fmt, "service_requests", List.of(open311.request(id)));
	}

	@PostMapping("/requests.{format}")
	ResponseEntity<String> create(@PathVariable String format, HttpServletRequest request) {
		String fmt = format(format);
		Map<String, String> form = new LinkedHashMap<>();
		request.getParameterMap().forEach((k, v) -> form.put(k, v.length == 0 ? null : v[0]));
		open311.checkJurisdiction(form.get("jurisdiction_id"));
		String key = form.remove("api_key");
		if (key == null) {
			key = request.getHeader("X-Api-Key");
		}
		Partner partner;
		try {
			partner = partners.authenticate(key, Partner.Permission.FILE);
		}
		catch (DomainException.Unauthenticated | DomainException.Forbidden ex) {
			throw new Open311.Error(403, "api_key：" + ex.getMessage());
		}
		return answer(fmt, "service_requests", open311.create(partner, form, request.getHeader("Idempotency-Key")));
	}

	@ExceptionHandler(Open311.Error.class)
	ResponseEntity<String> error(Open311.Error ex, HttpServletRequest request) {
		return errors(ex.status(), ex.descriptions(), request);
	}

	@ExceptionHandler(DomainException.Throttled.class)
	ResponseEntity<String> throttled(DomainException.Throttled ex, HttpServletRequest request) {
		var r = errors(429, List.of("请求过于频繁，请" + ex.retryAfterSeconds() + "秒后再试"), request);
		return ResponseEntity.status(429)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.contentType(r.getHeaders().getContentType())
			.body(r.getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> other(Exception ex, HttpServletRequest request) {
		if (ex instanceof HttpRequestMethodNotSupportedException) {
			return errors(405, List.of("该地址不支持此请求方法"), request);
		}
		LoggerFactory.getLogger(Open311Api.class).error("open311 failure", ex);
		return errors(500, List.of("服务器内部错误，请稍后再试"), request);
	}

	private ResponseEntity<String> errors(int status, List<String> descriptions, HttpServletRequest request) {
		String fmt = request.getRequestURI().endsWith(".xml") ? "xml" : "json";
		List<Map<String, Object>> list = descriptions.stream().map(d -> {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("code", status);
			e.put("description", d);
			return e;
		}).toList();
		return ResponseEntity.status(status).contentType(fmt.equals("xml") ? XML : JSON).body(render(fmt, "errors", list));
	}

	private static String format(String format) {
		if (!"json".equals(format) && !"xml".equals(format)) {
			throw new Open311.Error(404, "不支持的格式 ." + format + "：请使用 .json 或 .xml");
		}
		return format;
	}

	private ResponseEntity<String> answer(String fmt, String root, Object body) {
		return ResponseEntity.ok().contentType(fmt.equals("xml") ? XML : JSON).body(render(fmt, root, body));
	}

	private String render(String fmt, String root, Object body) {
		return fmt.equals("xml") ? GeoReportFormat.xml(root, body) : json.writeValueAsString(body);
	}

}
