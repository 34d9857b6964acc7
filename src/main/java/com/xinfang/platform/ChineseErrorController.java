package com.xinfang.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error dispatch (/error) in Chinese, replacing Spring Boot's English one: problem+json for
 * the API, the friendly error page for pages. Reached by errors no handler mapped (an unknown
 * address before Spring MVC, a filter's refusal, a 500).
 */
@PageController
class ChineseErrorController implements ErrorController {

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = status(request);
		String message = request.getAttribute(ErrorResponses.MESSAGE) instanceof String m ? m : null;
		if (status == 413 || request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof MaxUploadSizeExceededException) {
			message = ErrorResponses.detail(413);
		}
		if (ErrorResponses.isApi(request)) {
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write(ErrorResponses.problemJson(status, ErrorResponses.title(status),
						message != null ? message : ErrorResponses.detail(status)));
			return null;
		}
		var page = new ModelAndView("error", HttpStatus.valueOf(status));
		page.addObject("status", status);
		page.addObject("staffPage", PageExceptionHandler.isStaffPath(
				request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : request.getRequestURI(),
				request.getContextPath()));
		page.addObject("errorTitle", status == 404 ? "页面不存在" : ErrorResponses.title(status));
		page.addObject("errorMessage", message != null ? message : ErrorResponses.detail(status));
		return page;
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		return HttpStatus.resolve(status) == null ? 500 : status;
	}

}
