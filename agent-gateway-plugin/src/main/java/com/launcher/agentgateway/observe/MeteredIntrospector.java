package com.launcher.agentgateway.observe;

import com.launcher.host.api.web.BearerTokenIntrospector;
import com.launcher.host.api.web.BearerTokenRequest;
import com.launcher.host.api.web.IntrospectionResult;

/**
 * The MCP endpoint's introspector with each refusal counted by its reason, the same
 * stable code the audit event carries. An introspector that throws is counted as
 * {@code cannot_decide}, as the host then refuses.
 */
public record MeteredIntrospector(BearerTokenIntrospector delegate,
		GatewayMetrics metrics) implements BearerTokenIntrospector {

	@Override
	public IntrospectionResult introspect(BearerTokenRequest request) {
		IntrospectionResult result;
		try {
			result = this.delegate.introspect(request);
		}
		catch (RuntimeException ex) {
			this.metrics.authenticationRefused("cannot_decide");
			throw ex;
		}
		if (result instanceof IntrospectionResult.Rejected rejected) {
			this.metrics.authenticationRefused(rejected.reason());
		}
		else if (result instanceof IntrospectionResult.Unavailable unavailable) {
			// The gateway could not decide (503): counted apart from bad tokens.
			this.metrics.authenticationRefused(unavailable.reason());
		}
		return result;
	}

}
