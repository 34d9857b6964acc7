package com.xinfang.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * Spring MVC's own failures (wrong Content-Type, a missing or malformed parameter, an unknown
 * address, an unreadable body) and a database refusing a value, in Chinese, for every handler:
 * problem+json under /api, the friendly error page (through the error dispatch) for pages.
 * Replaces Spring Boot's English problem details. The module handlers come first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class WebProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(WebProblems.class);

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		int status = statusCode.value();
		return answer(request, status, ErrorResponses.title(status), detail(ex, status), headers);
	}

	/** A value the database refuses: too long, a forbidden character, a duplicate. Nothing was stored. */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> integrity(DataIntegrityViolationException ex, WebRequest request) {
		String state = ex.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
		log.warn("database refused a value ({}): {}", state, ex.getMostSpecificCause().getMessage());
		if (ex instanceof DuplicateKeyException || "23505".equals(state)) {
			return answer(request, 409, "状态冲突", "该操作已由他人完成或与已有记录重复，请刷新后查看", null);
		}
		if ("22001".equals(state)) {
			return answer(request, 400, "提交的内容有误", "填写的内容超过长度限制，请精简后重试", null);
		}
		if ("22021".equals(state) || "22P05".equals(state)) {
			return answer(request, 400, "提交的内容有误", NulCharacters.MESSAGE, null);
		}
		return answer(request, 409, "状态冲突", "提交的内容与已有记录冲突，请检查后重试", null);
	}

	private static String detail(Exception ex, int status) {
		if (ex instanceof MissingServletRequestParameterException m) {
			return "缺少必填参数：" + m.getParameterName();
		}
		if (ex instanceof MissingServletRequestPartException m) {
			return "缺少必填内容：" + m.getRequestPartName();
		}
		if (ex instanceof MethodArgumentTypeMismatchException m) {
			return "参数 " + m.getName() + " 的取值无效";
		}
		if (ex instanceof TypeMismatchException m && m.getPropertyName() != null) {
			return "参数 " + m.getPropertyName() + " 的取值无效";
		}
		if (ex instanceof HttpRequestMethodNotSupportedException m) {
			return "该地址不支持 " + m.getMethod() + " 请求";
		}
		if (ex instanceof MethodArgumentNotValidException m && m.getBindingResult().getFieldError() != null) {
			return "请检查填写的内容：" + m.getBindingResult().getFieldError().getField();
		}
		if (ex instanceof HttpMessageNotReadableException m) {
			return unreadable(m);
		}
		return ErrorResponses.detail(status);
	}

	/** Why a JSON body could not be read, naming the field when known. */
	static String unreadable(HttpMessageNotReadableException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof DatabindException d) {
				String field = d.getPath()
					.stream()
					.map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
					.reduce((a, b) -> a + "." + b)
					.orElse(null);
				if (d.getOriginalMessage() != null && d.getOriginalMessage().startsWith(NulCharacters.MESSAGE)) {
					return field == null ? NulCharacters.MESSAGE : "字段 " + field + " " + NulCharacters.MESSAGE;
				}
				if (field != null) {
					return "字段 " + field + " 的取值无效，请检查格式";
				}
			}
		}
		return "请求内容无法解析，请检查 JSON 格式和字段取值";
	}

	private static ResponseEntity<Object> answer(WebRequest request, int status, String title, String detail,
			HttpHeaders headers) {
		HttpServletRequest servletRequest = request instanceof ServletWebRequest s ? s.getRequest() : null;
		if (servletRequest != null && !ErrorResponses.isApi(servletRequest)) {
			HttpServletResponse response = ((ServletWebRequest) request).getResponse();
			if (response != null && !response.isCommitted()) {
				servletRequest.setAttribute(ErrorResponses.MESSAGE, detail);
				try {
					response.sendError(status);
					return null; // the error dispatch renders the page
				}
				catch (IOException ex) {
					return null;
				}
			}
		}
		var body = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		body.setTitle(title);
		body.setType(URI.create("about:blank"));
		var builder = ResponseEntity.status(status);
		if (headers != null) {
			builder.headers(headers);
		}
		return builder.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}
