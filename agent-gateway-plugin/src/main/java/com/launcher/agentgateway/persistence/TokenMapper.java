package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TokenStatus;

/** The statements of {@code TokenMapper.xml}. */
interface TokenMapper {

	void insert(AgentToken token, byte[] hash, String cidrs);

	List<PresentedRow> findPresented(byte[] hash, String source);

	TokenRow findById(UUID id);

	List<TokenRow> findByAgent(UUID agentId);

	int transition(UUID id, TokenStatus from, TokenStatus to, String reason, UUID successor, Instant now);

	List<TokenRow> revokeFamily(UUID familyId, String reason, Instant now);

	List<TokenRow> transitionForOwner(UUID ownerUserId, Set<TokenStatus> from, TokenStatus to, String reason,
			Instant now);

	int touch(UUID id, Instant now, Instant threshold, String ip);

	List<UUID> ownersWithActiveTokens();

	/** A row of {@code agw_token}; the allowed networks are stored as one comma list. */
	record TokenRow(UUID id, UUID agentId, UUID familyId, String hint, TokenStatus status, String statusReason,
			String allowedCidrs, UUID createdBy, Instant createdAt, Instant expiresAt, Instant statusChangedAt,
			UUID successorId, Instant lastUsedAt, String lastUsedIp) {

		AgentToken token() {
			return new AgentToken(this.id, this.agentId, this.familyId, this.hint, this.status, this.statusReason,
					(this.allowedCidrs != null) ? Arrays.asList(this.allowedCidrs.split(",")) : List.of(),
					this.createdBy, this.createdAt, this.expiresAt, this.statusChangedAt, this.successorId,
					this.lastUsedAt, this.lastUsedIp);
		}

	}

	/**
	 * A row of the token look-up: the source's block, and, unless the source is refused
	 * or the hash unknown, the token, its agent and one of the agent's grants.
	 */
	record PresentedRow(Long blockedMs, UUID id, UUID agentId, UUID familyId, byte[] tokenHash, String hint,
			TokenStatus status, String statusReason, String allowedCidrs, UUID createdBy, Instant createdAt,
			Instant expiresAt, Instant statusChangedAt, UUID successorId, Instant lastUsedAt, String lastUsedIp,
			AgentStatus agentStatus, String agentName, UUID ownerUserId, UUID grantId, String workspace, UUID projectId,
			String projectIdentifier, String projectName, Access access, UUID grantCreatedBy, Instant grantCreatedAt) {

		AgentToken token() {
			return new TokenRow(this.id, this.agentId, this.familyId, this.hint, this.status, this.statusReason,
					this.allowedCidrs, this.createdBy, this.createdAt, this.expiresAt, this.statusChangedAt,
					this.successorId, this.lastUsedAt, this.lastUsedIp)
				.token();
		}

		/** The grant on this row; {@code null} on the one row of an agent without any. */
		Grant grant() {
			return (this.grantId != null) ? new Grant(this.grantId, this.agentId, this.workspace, this.projectId,
					this.projectIdentifier, this.projectName, this.access, this.grantCreatedBy, this.grantCreatedAt)
					: null;
		}

	}

}
