package com.launcher.agentgateway.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A token's record; never its secret.
 *
 * @param id token id
 * @param agentId the agent it authenticates
 * @param familyId the rotation family (the first token's id)
 * @param hint non-secret hint for display
 * @param status its state
 * @param statusReason why it left {@code ACTIVE}
 * @param allowedCidrs client networks it may be used from (empty: any)
 * @param createdBy who minted it
 * @param createdAt when
 * @param expiresAt when it stops working (mandatory)
 * @param statusChangedAt when it left {@code ACTIVE}
 * @param successorId the token that replaced it by rotation
 * @param lastUsedAt last authenticated use (throttled writes)
 * @param lastUsedIp address of that use
 */
public record AgentToken(UUID id, UUID agentId, UUID familyId, String hint, TokenStatus status, String statusReason,
		List<String> allowedCidrs, UUID createdBy, Instant createdAt, Instant expiresAt, Instant statusChangedAt,
		UUID successorId, Instant lastUsedAt, String lastUsedIp) {

	public AgentToken {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(agentId, "agentId");
		Objects.requireNonNull(familyId, "familyId");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(expiresAt, "expiresAt");
		allowedCidrs = (allowedCidrs != null) ? List.copyOf(allowedCidrs) : List.of();
	}

}
