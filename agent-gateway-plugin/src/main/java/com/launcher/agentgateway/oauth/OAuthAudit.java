package com.launcher.agentgateway.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.RequestContext;

/**
 * The audit events of the authorization server's endpoints: every client request leaves
 * exactly one, naming agent and owner once they are known. People's steps are stamped by
 * {@link UserActions}, as on the pages and the REST API.
 */
record OAuthAudit(AuditLog audit, RequestContext request, Clock clock, UserActions people) {

	OAuthAudit(OAuthServerParts parts) {
		this(parts.audit(), parts.request(), parts.clock(),
				new UserActions(parts.audit(), parts.request(), parts.clock()));
	}

	/**
	 * The one event of a token or revocation request, filled in as it is decided.
	 * @param grantType the grant type, {@code revocation} or {@code unknown}
	 * @param clientId the {@code client_id} as sent, or null
	 * @return the trail
	 */
	TokenRequestTrail trail(String grantType, String clientId) {
		return new TokenRequestTrail(grantType, clientId, this.audit, this.request, this.clock);
	}

	/** The event of a person's step at the authorization endpoint. */
	void userDecision(String action, Outcome outcome, String reason, String clientId, Agent agent, UUID userId) {
		AuditEvent.Builder event = this.people.event(action, outcome, userId).reason(reason);
		if (agent != null) {
			event.agent(agent.id(), agent.ownerUserId());
		}
		if (clientId != null) {
			event.target("oauth_client", clientId);
		}
		this.people.record(event);
	}

	/** The event of a connection ended from the agent page. */
	void connectionRevoked(Agent agent, Actor actor, UUID familyId, Instant now) {
		// Timed as the revocation it records, not a moment later.
		this.people.record(this.people.event("oauth.connection_revoke", Outcome.SUCCEEDED, actor)
			.at(now)
			.agent(agent.id(), agent.ownerUserId())
			.target("oauth_connection", familyId.toString()));
	}

}
