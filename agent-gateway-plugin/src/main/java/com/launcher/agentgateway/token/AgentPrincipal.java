package com.launcher.agentgateway.token;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.audit.AgentRequest;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
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

	/**
	 * The grant of the project an identifier ({@code WEB}, any case) names. Only this
	 * agent's grants are searched, so a project it is not granted is answered exactly
	 * like an unknown one (DESIGN §6).
	 * @param identifier the project identifier
	 * @return the one granted project with that identifier
	 * @throws GatewayException {@code project_not_granted} when none is, a validation
	 * error listing the UUIDs when several are
	 */
	public Grant grantNamed(String identifier) {
		String wanted = identifier.toUpperCase(Locale.ROOT);
		List<Grant> named = this.grants.stream().filter((g) -> wanted.equals(g.projectIdentifier())).toList();
		if (named.isEmpty()) {
			throw new GatewayException(ErrorCode.PROJECT_NOT_GRANTED);
		}
		if (named.size() > 1) {
			// The same identifier in two granted workspaces: only the UUID tells them
			// apart.
			throw new GatewayException(ErrorCode.VALIDATION_FAILED, "project_id",
					Map.of("problem", "names more than one granted project: pass its UUID", "valid",
							named.stream().map((g) -> g.projectId().toString()).toList()),
					null);
		}
		return named.get(0);
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
