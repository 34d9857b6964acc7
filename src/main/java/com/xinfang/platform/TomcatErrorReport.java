package com.xinfang.platform;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests itself, before any filter or controller (a malformed address or
 * query string, a request the application never saw): its own English HTML error page is replaced
 * by a Chinese problem+json (for /api) or a short Chinese page.
 */
@Component
class TomcatErrorReport implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof Host host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				if (host instanceof StandardHost standard) {
					standard.setErrorReportValveClass(ChineseErrorReportValve.class.getName());
				}
				host.getPipeline().addValve(new ChineseErrorReportValve());
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's own valve customizer
	}

	/** Tomcat's error report in Chinese, with no server details. */
	public static class ChineseErrorReportValve extends ErrorReportValve {

		public ChineseErrorReportValve() {
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean ioAllowed = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
			if (!ioAllowed.get()) {
				return;
			}
			String uri = request.getCoyoteRequest().requestURI().toString();
			boolean api = uri != null && uri.startsWith("/api/");
			String title = ErrorResponses.title(status);
			String detail = status == 400 ? "请求地址或参数中含有不允许的字符，请检查后重试" : ErrorResponses.detail(status);
			try {
				response.setContentType(api ? "application/problem+json" : "text/html");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(api ? ErrorResponses.problemJson(status, title, detail) : html(status, title, detail));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response cannot be written: nothing more to say
			}
		}

		private static String html(int status, String title, String detail) {
			return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + ErrorResponses.escapeHtml(title)
					+ "</title></head><body><h1>" + ErrorResponses.escapeHtml(title) + "</h1><p>" + ErrorResponses.escapeHtml(detail)
					+ "</p><p>错误代码：" + status + "</p><p><a href=\"/\">返回首页</a></p></body></html>";
		}

	}

}
