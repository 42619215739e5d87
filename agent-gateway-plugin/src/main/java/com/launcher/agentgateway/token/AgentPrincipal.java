package com.launcher.agentgateway.token;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.audit.AgentRequest;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;

/**
 * An authenticated agent for the duration of one request.
 *
 * @param agentId the agent
 * @param agentName its name
 * @param ownerUserId its owner
 * @param ownerEmail the owner's e-mail (matches Tasker users)
 * @param ownerDisplayName the owner's name, for attribution
 * @param tokenId the token used
 * @param tokenHint that token's hint
 * @param grants the agent's grants, read with the token
 * @param requestId the host's request id
 * @param clientAddress the client address
 */
public record AgentPrincipal(UUID agentId, String agentName, UUID ownerUserId, String ownerEmail,
		String ownerDisplayName, UUID tokenId, String tokenHint, List<Grant> grants, String requestId,
		String clientAddress) {

	public AgentPrincipal {
		Objects.requireNonNull(agentId, "agentId");
		Objects.requireNonNull(ownerUserId, "ownerUserId");
		grants = List.copyOf(grants);
	}

	public Optional<Grant> grantFor(UUID projectId) {
		return this.grants.stream().filter((g) -> g.projectId().equals(projectId)).findFirst();
	}

	public boolean canWriteAnywhere() {
		return this.grants.stream().anyMatch((g) -> g.access() == Access.WRITE);
	}

	/** This request as its audit event names it. */
	public AgentRequest auditRequest() {
		return new AgentRequest(this.agentId, this.ownerUserId, this.tokenId, this.tokenHint, this.requestId,
				this.clientAddress);
	}

}
