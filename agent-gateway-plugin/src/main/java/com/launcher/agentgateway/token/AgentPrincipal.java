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
	 * The grant of the project a {@code project_id} names: its UUID, or its identifier
	 * ({@code WEB}, any case). The one place a project reference is resolved, for the
	 * call pipeline and for the tools that scope themselves. Only this agent's grants are
	 * searched, so a project it is not granted is answered exactly like an unknown one
	 * (DESIGN §6).
	 * @param project the UUID or the identifier
	 * @return the one granted project it names
	 * @throws GatewayException {@code project_not_granted} when none is, a validation
	 * error when 36 characters are not a UUID, or listing the UUIDs when an identifier
	 * names several
	 */
	public Grant grantNamed(String project) {
		if (project.length() == 36) {
			// No identifier is that long (the schema allows 12 characters).
			return grantFor(uuid(project)).orElseThrow(() -> new GatewayException(ErrorCode.PROJECT_NOT_GRANTED));
		}
		String wanted = project.toUpperCase(Locale.ROOT);
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

	/**
	 * The UUID in its canonical form only: {@code UUID.fromString} also reads forms like
	 * {@code 1-2-3-4-5}, which the schema's pattern lets through.
	 */
	private static UUID uuid(String value) {
		try {
			UUID uuid = UUID.fromString(value);
			if (uuid.toString().equalsIgnoreCase(value)) {
				return uuid;
			}
		}
		catch (IllegalArgumentException ex) {
			// Refused below, as any other form.
		}
		throw GatewayException.invalid("project_id", "must be a UUID");
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
