package com.launcher.host.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (a well-formed incoming {@code X-Request-Id} is kept unless
 * it looks like a credential), puts it in the log context and echoes it in the response.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	/**
	 * Credential prefixes (the gateway's own, GitHub, Slack, OpenAI, Plane, AWS, Google).
	 * A client that sends a token as its request id would see it echoed into logs, audit
	 * and responses: such an id is replaced (issue 12, point 12).
	 */
	private static final Pattern TOKEN_SHAPED = Pattern
		.compile("(?i).*(?<![a-z0-9])(agw_|gh[pousr]_|github_pat_|xox[abposre]-|sk-|plane_api_|akia|asia|aiza).*");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader("X-Request-Id");
		String id = (incoming != null && SAFE.matcher(incoming).matches() && !TOKEN_SHAPED.matcher(incoming).matches())
				? incoming : UUID.randomUUID().toString();
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader("X-Request-Id", id);
		MDC.put("requestId", id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove("requestId");
		}
	}

}
