package com.launcher.agentgateway.host;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.DeferredAudit;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.token.AgentAuthenticator;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.token.AuthenticationOutcome;
import com.launcher.agentgateway.token.UndecidedAuthenticationException;
import com.launcher.host.api.web.BearerTokenIntrospector;
import com.launcher.host.api.web.BearerTokenRequest;
import com.launcher.host.api.web.IntrospectionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The introspector the host calls for {@code /plugins/agent-gateway/mcp}. Anything that
 * goes wrong while deciding is a refusal: fail closed, but answered as "unavailable" (503
 * with {@code Retry-After}), since the token is probably fine and the outage is ours. The
 * refusal's event is appended off the request thread, when the log takes events again.
 */
public class AgentTokenIntrospector implements BearerTokenIntrospector {

	private static final Logger logger = LoggerFactory.getLogger(AgentTokenIntrospector.class);

	/** Seconds an agent is asked to wait when the gateway could not decide. */
	static final long RETRY_AFTER_SECONDS = 5;

	private final AgentAuthenticator authenticator;

	private final AuditLog audit;

	private final DeferredAudit deferredAudit;

	private final Clock clock;

	private final FailureNames failures;

	public AgentTokenIntrospector(AgentAuthenticator authenticator, AuditLog audit, DeferredAudit deferredAudit,
			Clock clock, FailureNames failures) {
		this.authenticator = authenticator;
		this.audit = audit;
		this.deferredAudit = deferredAudit;
		this.clock = clock;
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	@Override
	public IntrospectionResult introspect(BearerTokenRequest request) {
		AuthenticationOutcome outcome;
		try {
			outcome = this.authenticator.authenticate(request.token(), request.clientAddress(), request.requestId());
		}
		catch (RuntimeException ex) {
			// Never the token, never the exception text: the class name says enough.
			// The event waits for the log: appending it now would wait for the database
			// that just failed a second time.
			Throwable cause = (ex instanceof UndecidedAuthenticationException) ? ex.getCause() : ex;
			logger.warn("Refusing request {}: cannot decide ({})", request.requestId(), this.failures.of(cause));
			this.deferredAudit.append((ex instanceof UndecidedAuthenticationException undecided) ? undecided.event()
					: this.authenticator.undecided(request.clientAddress(), request.requestId()));
			return new IntrospectionResult.Unavailable("cannot_decide", RETRY_AFTER_SECONDS);
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
