package com.launcher.host.security;

import java.io.IOException;

import com.launcher.host.api.web.BearerTokenRequest;
import com.launcher.host.api.web.IntrospectionResult;
import com.launcher.host.api.web.ProtectedResource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers requests that Spring Security's HTTP firewall refuses (a malformed URL, header
 * value or method) with 400, after handing a bearer credential presented to a plugin's
 * protected resource to its introspector once, marked
 * {@link BearerTokenRequest#REQUEST_REJECTED}: otherwise such a request would reach no
 * introspector and leave no audit event.
 */
class BearerAwareRequestRejectedHandler implements RequestRejectedHandler {

	private static final Logger logger = LoggerFactory.getLogger(BearerAwareRequestRejectedHandler.class);

	private final PluginProtectedResources resources;

	private final PluginBearerAuthenticationManagerResolver introspection;

	BearerAwareRequestRejectedHandler(PluginProtectedResources resources,
			PluginBearerAuthenticationManagerResolver introspection) {
		this.resources = resources;
		this.introspection = introspection;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		// The exception's message may quote the refused header value, a token perhaps:
		// never log it. This request is the one before the firewall wrapped it, so its
		// headers can be read.
		logger.debug("Request rejected by the HTTP firewall");
		ProtectedResource resource = this.resources.find(SecurityConfiguration.pathOf(request)).orElse(null);
		String credential = PresentedBearerCredential.credential(request.getHeader("Authorization"));
		if (resource != null && credential != null) {
			IntrospectionResult result = this.introspection.introspect(resource, request, credential,
					BearerTokenRequest.REQUEST_REJECTED);
			if (result instanceof IntrospectionResult.Rejected rejected && rejected.sourceThrottled()) {
				PluginBearerEntryPoint.throttled(response, rejected.retryAfterSeconds());
				return;
			}
		}
		PluginBearerEntryPoint.write(response, HttpServletResponse.SC_BAD_REQUEST,
				"{\"error\":\"invalid_request\",\"message\":\"The request was rejected.\"}");
	}

}
