package com.launcher.agentgateway.audit;

import java.time.Instant;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;

/**
 * An agent's request as its audit event names it (A1: every request, allowed or denied,
 * names the agent and its owner whenever the token was recognised). The one place that
 * turns a request into an event, for the authenticator, the MCP edge and the call
 * pipeline alike.
 *
 * @param agentId the agent, or null when the token was not recognised
 * @param ownerUserId its owner, or null likewise
 * @param tokenId the token presented, or null likewise
 * @param tokenHint that token's non-secret hint, or null
 * @param requestId the host's request id
 * @param clientAddress the client address
 */
public record AgentRequest(UUID agentId, UUID ownerUserId, UUID tokenId, String tokenHint, String requestId,
		String clientAddress) {

	/**
	 * A request whose token named no agent (garbage, unknown, or not decided).
	 * @param requestId the host's request id
	 * @param clientAddress the client address
	 * @return the request
	 */
	public static AgentRequest unrecognised(String requestId, String clientAddress) {
		return new AgentRequest(null, null, null, null, requestId, clientAddress);
	}

	/**
	 * The request's event, to be completed with a target, a reason and details.
	 * @param action what was attempted
	 * @param outcome what came of it
	 * @param at when
	 * @return the builder
	 */
	public AuditEvent.Builder event(String action, Outcome outcome, Instant at) {
		return AuditEvent.builder(action, outcome)
			.at(at)
			.agent(this.agentId, this.ownerUserId)
			.actor(ActorType.AGENT, (this.agentId != null) ? this.agentId.toString() : null)
			.token(this.tokenId, this.tokenHint)
			.request(this.requestId, this.clientAddress);
	}

}
