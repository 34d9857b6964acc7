package com.xinfang.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document partners generate clients from (/v3/api-docs): what the API is, how to
 * authenticate (a bearer token from /api/v1/auth/token, or a partner's API key), and what can go
 * wrong: every operation lists the problem+json answers it can give (400 always; 401 and 403 when
 * it needs a caller; 404 for a path with an identifier; 409 for a change; 429 where failures or a
 * partner's rate are throttled), each with a Chinese example.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearerAuth";

	static final String PARTNER_KEY = "partnerKey";

	static final String PROBLEM = "application/problem+json";

	/** Operations anyone may call (identity.SecurityConfiguration permits them). */
	static boolean isPublic(String path, PathItem.HttpMethod method) {
		return path.equals("/api/v1/auth/token") || path.startsWith("/api/v1/public/")
				|| method == PathItem.HttpMethod.GET
						&& (path.equals("/api/v1/categories") || path.equals("/api/v1/regions") || path.equals("/api/v1/units"));
	}

	static boolean isPartner(String path) {
		return path.startsWith("/api/v1/exchange/partner/");
	}

	static final Map<String, String> TAGS = Map.of("账号", "获取访问令牌（Bearer）", "参考数据", "内容分类、行政区划和单位，无需登录",
			"信访事项", "登记、查询信访事项并办理（受理、转送、答复、办结……）", "公开查询", "信访人凭信访编号和查询码查询进度、评价、申请复查复核，无需登录",
			"文本智能", "分类建议和相似事项", "统计分析", "指标、趋势、分布与导出", "督查督办", "催办、督办、挂牌督办与回复", "协调与问责",
			"信访吹哨、部门报到、领导包案、联席会议与问责", "合作系统接口", "12345 热线工单与国家信访信息系统交换；以合作系统 API 密钥认证");

	@Bean
	OpenAPI xinfangOpenApi(@Value("${xinfang.api.license-name:专有软件，仅供常德市信访局及其授权单位使用}") String licenseName,
			@Value("${xinfang.api.license-url:https://www.changde.gov.cn/}") String licenseUrl) {
		return new OpenAPI()
			.info(new Info().title("XinFang 智慧信访 API")
				.version("1.0.0")
				.description("""
						常德市智慧信访平台的 JSON 接口，供移动端、12345 热线、其他政务系统和第三方应用调用。

						* 认证：工作人员和群众以 `POST /api/v1/auth/token` 换取访问令牌，之后在请求头中携带 `Authorization: Bearer …`；\
						合作系统（12345 热线、国家信访信息系统）以管理员发放的 API 密钥认证，请求头 `X-Api-Key`。
						* 时间为带时区的 ISO 8601（`+08:00`），日期为 `YYYY-MM-DD`，全部为 UTF-8。
						* 错误一律为 `application/problem+json`（RFC 9457），含 `status`、`title`、`detail`，校验错误另有 `errors: [{field, message}]` 逐项列出；\
						查看范围以外的事项与不存在的事项答复相同（404）。
						* Open311 GeoReport v2 接口位于 `/open311/v2/`，以该规范为准，不在本文档中。""")
				.contact(new Contact().name("常德市信访局 信息科"))
				.license(new License().name(licenseName).url(licenseUrl)))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("POST /api/v1/auth/token 换取的访问令牌"))
				.addSecuritySchemes(PARTNER_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("X-Api-Key")
							.description("合作系统的 API 密钥（系统管理 → 合作系统发放，只显示一次，可更换、可停用）"))
				.addSchemas("Problem", problemSchema())
				.addResponses("BadRequest", problem(400, "提交的内容有误", "请填写信访内容（事实、理由和请求）", true))
				.addResponses("Unauthorized", problem(401, "未登录", "请先获取访问令牌 (Authorization: Bearer …)", false))
				.addResponses("Forbidden", problem(403, "无权操作", "您的角色无权执行此操作", false))
				.addResponses("NotFound", problem(404, "未找到", "信访事项 XF430702261206000123 不存在或不在您的查看范围内", false))
				.addResponses("Conflict", problem(409, "状态冲突", "该信访事项已被他人修改，请刷新后重试", false))
				.addResponses("TooManyRequests", problem(429, "请求过于频繁", "尝试次数过多，请1分钟后再试", false)))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	private static Schema<?> problemSchema() {
		Schema<?> fieldProblem = new ObjectSchema().addProperty("field", new StringSchema().description("出错的字段"))
			.addProperty("message", new StringSchema().description("中文说明"));
		return new ObjectSchema().description("RFC 9457 problem details，中文说明")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().description("错误类别"))
			.addProperty("status", new IntegerSchema().format("int32"))
			.addProperty("detail", new StringSchema().description("给用户看的中文说明"))
			.addProperty("instance", new StringSchema())
			.addProperty("errors", new ArraySchema().items(fieldProblem).description("校验错误，逐项列出（仅 400）"))
			.required(List.of("status", "title"));
	}

	private static ApiResponse problem(int status, String title, String detail, boolean withErrors) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", title);
		example.put("status", status);
		example.put("detail", detail);
		if (withErrors) {
			example.put("errors", List.of(Map.of("field", "content", "message", detail),
					Map.of("field", "regionCode", "message", "请选择问题发生地（属地）")));
		}
		var media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
			.addExamples(title, new Example().summary(title).value(example));
		return new ApiResponse().description(title).content(new Content().addMediaType(PROBLEM, media));
	}

	/** Security, problem answers and tag descriptions for every operation. */
	@Bean
	OpenApiCustomizer problemsAndSecurity() {
		return openApi -> {
			Set<String> tags = new LinkedHashSet<>();
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
				boolean open = isPublic(path, method);
				boolean partner = isPartner(path);
				if (open) {
					op.setSecurity(new ArrayList<>());
				}
				else if (partner) {
					op.setSecurity(List.of(new SecurityRequirement().addList(PARTNER_KEY)));
				}
				add(op, "400", "BadRequest");
				if (!open) {
					add(op, "401", "Unauthorized");
					add(op, "403", "Forbidden");
				}
				if (path.contains("{")) {
					add(op, "404", "NotFound");
				}
				if (method != PathItem.HttpMethod.GET) {
					add(op, "409", "Conflict");
				}
				if (open || partner) {
					add(op, "429", "TooManyRequests");
				}
				if (op.getSummary() == null || op.getSummary().isBlank()) {
					op.setSummary(op.getOperationId());
				}
				if (op.getTags() != null) {
					tags.addAll(op.getTags());
				}
			}));
			List<Tag> described = new ArrayList<>();
			for (String t : tags) {
				described.add(new Tag().name(t).description(TAGS.getOrDefault(t, t + "相关接口")));
			}
			openApi.setTags(described);
		};
	}

	private static void add(Operation op, String code, String ref) {
		if (op.getResponses() != null && !op.getResponses().containsKey(code)) {
			op.getResponses().addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + ref));
		}
	}

}
