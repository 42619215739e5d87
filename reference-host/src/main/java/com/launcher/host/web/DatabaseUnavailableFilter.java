package com.launcher.host.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import com.launcher.host.api.HostUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with {@code Retry-After} when serving a request failed because the database
 * did not answer in time (issue 18 point 5): a person sees "temporarily unavailable"
 * rather than an error page, or a sign-in page that would suggest the session ended. Runs
 * before security, so the session check of every signed-in request is covered too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

	/** Seconds a client is asked to wait. */
	public static final long RETRY_AFTER_SECONDS = 5;

	// Causes can form a loop (a cause whose cause is the first): a walk stops after more
	// links than any real chain has, rather than hold the request thread for ever.
	private static final int MAX_CAUSES = 32;

	private static final Logger logger = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en"><head><meta charset="utf-8"><title>Temporarily unavailable</title></head>
			<body><h1>Temporarily unavailable</h1>
			<p>Launcher cannot reach its database right now. Nothing was changed. Retry in a few seconds.</p>
			</body></html>
			""";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException ex) {
			if (!isDatabaseOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			logger.warn("Request refused: the database is unavailable ({})", rootName(ex));
			write(request, response);
		}
	}

	/**
	 * Whether a failure, or one of its causes, says the database did not answer.
	 * @param failure the failure
	 * @return whether it is an outage rather than a fault
	 */
	public static boolean isDatabaseOutage(Throwable failure) {
		Throwable cause = failure;
		for (int link = 0; cause != null && link < MAX_CAUSES; link++, cause = cause.getCause()) {
			if (cause instanceof HostUnavailableException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Writes the 503: a page for browsers, a fixed JSON body for everyone else.
	 * @param request the request
	 * @param response its response, not yet committed
	 * @throws IOException when the client went away
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", Long.toString(RETRY_AFTER_SECONDS));
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write(PAGE);
		}
		else {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write("{\"error\":\"temporarily_unavailable\",\"message\":"
						+ "\"The service is temporarily unavailable. Retry after the indicated time.\"}");
		}
	}

	private static String rootName(Throwable failure) {
		Throwable root = failure;
		for (int link = 0; root.getCause() != null && link < MAX_CAUSES; link++) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

}
