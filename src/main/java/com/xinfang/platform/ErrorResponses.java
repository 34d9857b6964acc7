package com.xinfang.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * The Chinese wording of an HTTP error, for the JSON API (problem+json) and for pages, used where
 * no controller is involved: filters, the error dispatch and Tomcat's own error report.
 */
public final class ErrorResponses {

	/** A request attribute with a specific Chinese message for the error page or problem. */
	public static final String MESSAGE = ErrorResponses.class.getName() + ".message";

	private ErrorResponses() {
	}

	public static boolean isApi(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = original instanceof String s ? s : request.getRequestURI();
		String context = request.getContextPath() == null ? "" : request.getContextPath();
		return uri != null && uri.startsWith(context + "/api/");
	}

	public static String title(int status) {
		return switch (status) {
			case 400 -> "请求有误";
			case 401 -> "未登录";
			case 403 -> "无权访问";
			case 404 -> "未找到";
			case 405 -> "不支持的请求方法";
			case 406 -> "无法提供所需的格式";
			case 409 -> "状态冲突";
			case 413 -> "文件过大";
			case 414 -> "地址过长";
			case 415 -> "不支持的内容类型";
			case 429 -> "请求过于频繁";
			case 431 -> "请求头过大";
			case 503 -> "服务暂不可用";
			default -> status >= 500 ? "系统繁忙" : "请求有误";
		};
	}

	public static String detail(int status) {
		return switch (status) {
			case 400 -> "请求内容无法解析，请检查后重试";
			case 401 -> "请先登录";
			case 403 -> "您无权访问该页面或执行该操作";
			case 404 -> "请求的地址不存在";
			case 405 -> "该地址不支持此请求方法";
			case 406 -> "请求的内容格式无法提供";
			case 409 -> "该操作与当前状态冲突，请刷新后重试";
			case 413 -> "上传的内容超过大小限制（每个文件10MB，合计60MB）";
			case 414 -> "请求地址过长";
			case 415 -> "不支持的内容类型，请以 application/json 提交";
			case 429 -> "请求过于频繁，请稍后再试";
			case 431 -> "请求头过大";
			case 503 -> "服务暂不可用，请稍后再试";
			default -> status >= 500 ? "服务器处理出错，请稍后重试；如持续出现请联系管理员" : "请求有误";
		};
	}

	/** A problem+json body (hand-written: usable before Spring MVC, even inside Tomcat). */
	public static String problemJson(int status, String title, String detail) {
		return "{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + escape(title) + "\",\"detail\":\""
				+ escape(detail) + "\"}";
	}

	/** 400 from a filter: problem+json for the API, the error page (through the error dispatch) for pages. */
	static void badRequest(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
		if (isApi(request)) {
			response.setStatus(400);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(problemJson(400, "请求格式错误", message));
			return;
		}
		request.setAttribute(MESSAGE, message);
		response.sendError(400);
	}

	static String escape(String s) {
		StringBuilder b = new StringBuilder(s.length() + 8);
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				default -> {
					if (c < 0x20) {
						b.append(String.format("\\u%04x", (int) c));
					}
					else {
						b.append(c);
					}
				}
			}
		}
		return b.toString();
	}

	static String escapeHtml(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
