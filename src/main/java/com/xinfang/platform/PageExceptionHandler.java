package com.xinfang.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A friendly page, in Chinese, for what a person did wrong; never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	@ExceptionHandler(DomainException.class)
	String domain(DomainException ex, HttpServletResponse response, Model model) {
		int status = 409;
		String title = "操作未能完成";
		if (ex instanceof DomainException.Invalid) {
			status = 400;
			title = "提交的内容有误";
		}
		else if (ex instanceof DomainException.Forbidden) {
			status = 403;
			title = "无权访问";
			log.warn("refused: {}", ex.getMessage());
		}
		else if (ex instanceof DomainException.NotFound) {
			status = 404;
			title = "页面不存在";
		}
		else if (ex instanceof DomainException.Throttled) {
			status = 429;
			title = "请求过于频繁";
		}
		else if (ex instanceof DomainException.Unauthenticated) {
			status = 401;
			title = "请先登录";
		}
		return page(response, model, status, title, ex.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	String stale(HttpServletResponse response, Model model) {
		return page(response, model, 409, "内容已被他人修改", "该信访事项已被他人修改，请返回刷新后重试。");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(HttpServletResponse response, Model model) {
		return page(response, model, 400, "文件过大", "上传的附件超过大小限制（每个10MB，合计60MB）。");
	}

	/** The console and administration pages answer errors in the console's frame, not the portal's. */
	static boolean isStaffPath(String uri, String contextPath) {
		if (uri == null) {
			return false;
		}
		String path = contextPath != null && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
		return path.startsWith("/console") || path.startsWith("/admin");
	}

	private static String page(HttpServletResponse response, Model model, int status, String title, String message) {
		response.setStatus(status);
		if (RequestContextHolder.getRequestAttributes() instanceof
				ServletRequestAttributes attributes) {
			model.addAttribute("staffPage", isStaffPath(attributes.getRequest().getRequestURI(), attributes.getRequest().getContextPath()));
		}
		model.addAttribute("status", status);
		model.addAttribute("errorTitle", title);
		model.addAttribute("errorMessage", message);
		return "error";
	}

}
