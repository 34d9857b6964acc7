package com.xinfang.platform;

import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps errors of the JSON API to application/problem+json with Chinese messages. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex) {
		if (ex instanceof DomainException.Invalid invalid) {
			return invalid(invalid.problems());
		}
		if (ex instanceof DomainException.Unauthenticated) {
			return problem(HttpStatus.UNAUTHORIZED, "认证失败", ex.getMessage());
		}
		if (ex instanceof DomainException.Forbidden) {
			log.warn("refused: {}", ex.getMessage());
			return problem(HttpStatus.FORBIDDEN, "无权操作", ex.getMessage());
		}
		if (ex instanceof DomainException.NotFound) {
			return problem(HttpStatus.NOT_FOUND, "未找到", ex.getMessage());
		}
		if (ex instanceof DomainException.Throttled t) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(t.retryAfterSeconds()))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁", t.getMessage()).getBody());
		}
		return problem(HttpStatus.CONFLICT, "状态冲突", ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException ex) {
		return invalid(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new DomainException.FieldProblem(e.getField(), e.getDefaultMessage()))
			.toList());
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ProblemDetail> unreadable(Exception ex) {
		if (ex instanceof MethodArgumentTypeMismatchException m) {
			return problem(HttpStatus.BAD_REQUEST, "请求格式错误", "参数 " + m.getName() + " 的取值无效");
		}
		return problem(HttpStatus.BAD_REQUEST, "请求格式错误", WebProblems.unreadable((HttpMessageNotReadableException) ex));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
		return problem(HttpStatus.BAD_REQUEST, "文件过大", "上传的文件超过大小限制");
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "版本冲突", "该信访事项已被他人修改，请刷新后重试");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法", "该地址不支持 " + ex.getMethod() + " 请求");
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "未找到", "请求的地址不存在");
	}

	static ResponseEntity<ProblemDetail> invalid(List<DomainException.FieldProblem> problems) {
		var body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				problems.isEmpty() ? "提交的内容有误" : problems.get(0).message());
		body.setTitle("提交的内容有误");
		body.setType(URI.create("about:blank"));
		body.setProperty("errors", problems);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		var body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

}
