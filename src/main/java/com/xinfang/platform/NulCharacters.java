package com.xinfang.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * A NUL character (U+0000) cannot be stored in PostgreSQL text: it is refused at the edge, in a
 * request parameter by a filter and in a JSON string by the JSON reader, with a Chinese 400
 * before anything is read or stored.
 */
@Configuration(proxyBeanMethods = false)
class NulCharacters {

	static final String MESSAGE = "提交的内容含有不允许的控制字符（空字符），请删除后重试";

	static boolean contains(String s) {
		return s != null && s.indexOf('\u0000') >= 0;
	}

	@Bean
	JsonMapperBuilderCustomizer nulRejectingStrings() {
		var module = new SimpleModule("nul-rejecting-strings");
		module.addDeserializer(String.class, new NulRejectingStringDeserializer());
		return builder -> builder.addModule(module);
	}

	/** Reads a JSON string like Jackson does, refusing one with a NUL character. */
	static final class NulRejectingStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			if (contains(value)) {
				throw InvalidFormatException.from(p, MESSAGE, value, String.class);
			}
			return value;
		}

	}

	/** Query and form parameters; first of all filters, so no security or session work is done. */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE + 5)
	static class ParameterFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (hasNul(request)) {
				ErrorResponses.badRequest(request, response, MESSAGE);
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean hasNul(HttpServletRequest request) {
			String query = request.getQueryString();
			if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
				return true;
			}
			for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
				if (contains(e.getKey())) {
					return true;
				}
				for (String v : e.getValue()) {
					if (contains(v)) {
						return true;
					}
				}
			}
			return false;
		}

	}

}
