package com.launcher.agentgateway.host;

import java.time.Clock;
import java.util.Set;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.token.AgentAuthenticator;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.token.AuthenticationOutcome;
import com.launcher.host.api.web.BearerTokenIntrospector;
import com.launcher.host.api.web.BearerTokenRequest;
import com.launcher.host.api.web.IntrospectionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The introspector the host calls for {@code /plugins/agent-gateway/mcp}. Anything that
 * goes wrong while deciding is a refusal: fail closed, audited when the audit log can
 * still be written.
 */
public class AgentTokenIntrospector implements BearerTokenIntrospector {

	private static final Logger logger = LoggerFactory.getLogger(AgentTokenIntrospector.class);

	private final AgentAuthenticator authenticator;

	private final AuditLog audit;

	private final Clock clock;

	public AgentTokenIntrospector(AgentAuthenticator authenticator, AuditLog audit, Clock clock) {
		this.authenticator = authenticator;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public IntrospectionResult introspect(BearerTokenRequest request) {
		AuthenticationOutcome outcome;
		try {
			outcome = this.authenticator.authenticate(request.token(), request.clientAddress(), request.requestId());
		}
		catch (RuntimeException ex) {
			// Never the token, never the exception text: the class name says enough.
			logger.warn("Refusing request {}: cannot decide ({})", request.requestId(), ex.getClass().getSimpleName());
			this.authenticator.refuseUndecided(request.clientAddress(), request.requestId());
			return IntrospectionResult.Rejected.invalid("cannot_decide");
		}
		if (outcome instanceof AuthenticationOutcome.Authenticated authenticated && request.hostRejection() != null) {
			// The host refuses this request whatever the token (its firewall rejected
			// the URL or a header): nothing else of it reaches the plugin, so its one
			// event is written here, naming the agent the token belongs to.
			auditHostRejection(request, authenticated.principal());
			return IntrospectionResult.Rejected.invalid(request.hostRejection());
		}
		if (outcome instanceof AuthenticationOutcome.Authenticated authenticated) {
			return new IntrospectionResult.Active(authenticated.principal(),
					"agent:" + authenticated.principal().agentId(), Set.of("AGENT"));
		}
		AuthenticationOutcome.Refused refused = (AuthenticationOutcome.Refused) outcome;
		if (refused.throttledFor() != null) {
			return IntrospectionResult.Rejected.throttled(Math.max(1, refused.throttledFor().toSeconds()));
		}
		return IntrospectionResult.Rejected.invalid(refused.reason());
	}

	private void auditHostRejection(BearerTokenRequest request, AgentPrincipal principal) {
		this.audit.append(principal.auditRequest()
			.event("token.use", AuditEvent.Outcome.DENIED, this.clock.instant())
			.reason(request.hostRejection())
			.build());
	}

}
