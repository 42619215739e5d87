package com.launcher.host.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.launcher.host.web.BaseUrlResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers refused bearer requests: 401 with an RFC 6750 §3 challenge that points at the
 * RFC 9728 metadata, or 429 with {@code Retry-After} when the source is throttled. The
 * body is a fixed message; nothing about the token is echoed.
 */
class PluginBearerEntryPoint implements AuthenticationEntryPoint {

	private final BaseUrlResolver baseUrls;

	PluginBearerEntryPoint(BaseUrlResolver baseUrls) {
		this.baseUrls = baseUrls;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		if (exception instanceof SourceThrottledException throttled) {
			throttled(response, throttled.retryAfterSeconds());
			return;
		}
		String metadata = this.baseUrls.resolve(request) + ProtectedResourceMetadataController.PREFIX
				+ SecurityConfiguration.pathOf(request);
		// RFC 6750 §3.1: no error code when the request carried no credentials at all.
		boolean tokenPresented = exception instanceof InvalidBearerTokenException;
		String challenge = tokenPresented
				? "Bearer error=\"invalid_token\", error_description=\"The access token is invalid\", resource_metadata=\""
						+ metadata + "\""
				: "Bearer resource_metadata=\"" + metadata + "\"";
		response.setHeader("WWW-Authenticate", challenge);
		write(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"error\":\"invalid_token\",\"message\":"
				+ "\"A valid agent token is required in the Authorization header.\"}");
	}

	static void throttled(HttpServletResponse response, long retryAfterSeconds) throws IOException {
		response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
		write(response, 429, "{\"error\":\"too_many_failures\",\"message\":"
				+ "\"Too many failed authentications from this address. Retry later.\"}");
	}

	static void write(HttpServletResponse response, int status, String json) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json);
	}

}
