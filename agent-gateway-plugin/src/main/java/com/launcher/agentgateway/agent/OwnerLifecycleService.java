package com.launcher.agentgateway.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TokenStatus;
import com.launcher.agentgateway.token.TokenStore;

/**
 * What an owner's status means for their agents' tokens (security.md, Owner lifecycle):
 * blocked → active tokens suspended; annulled → tokens revoked; reactivated → nothing
 * resumes by itself. Applied from three places: the host's lifecycle event, the
 * request-time check and the periodic sync; applying twice changes nothing more.
 */
public class OwnerLifecycleService {

	private final TokenStore tokens;

	private final OwnerDirectory owners;

	private final AuditLog audit;

	private final Clock clock;

	public OwnerLifecycleService(TokenStore tokens, OwnerDirectory owners, AuditLog audit, Clock clock) {
		this.tokens = tokens;
		this.owners = owners;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Applies an owner's status.
	 * @param ownerUserId the owner
	 * @param status the status now
	 * @param cause {@code lifecycle_event}, {@code request_time_check} or
	 * {@code periodic_sync}
	 * @return the tokens changed
	 */
	public List<AgentToken> apply(UUID ownerUserId, Owner.OwnerStatus status, String cause) {
		Instant now = this.clock.instant();
		List<AgentToken> changed = switch (status) {
			case BLOCKED -> this.tokens.transitionForOwner(ownerUserId, EnumSet.of(TokenStatus.ACTIVE),
					TokenStatus.SUSPENDED, "owner_blocked", now);
			case ANNULLED,
					UNKNOWN ->
				this.tokens.transitionForOwner(ownerUserId, EnumSet.of(TokenStatus.ACTIVE, TokenStatus.SUSPENDED),
						TokenStatus.REVOKED,
						(status == Owner.OwnerStatus.ANNULLED) ? "owner_annulled" : "owner_unknown", now);
			case ACTIVE -> List.of();
		};
		for (AgentToken token : changed) {
			this.audit.append(AuditEvent.builder("owner.cascade", Outcome.SUCCEEDED)
				.at(now)
				.agent(token.agentId(), ownerUserId)
				.actor(ActorType.SYSTEM, cause)
				.target("token", token.id().toString())
				.token(token.id(), token.hint())
				.reason("owner_" + status.name().toLowerCase())
				.detail("cause", cause)
				.detail("tokenStatus", (status == Owner.OwnerStatus.BLOCKED) ? "SUSPENDED" : "REVOKED")
				.build());
		}
		return changed;
	}

	/**
	 * Records a reactivation: suspended tokens stay suspended until the owner mints new
	 * ones.
	 */
	public void reactivated(UUID ownerUserId, String cause) {
		this.audit.append(AuditEvent.builder("owner.reactivated", Outcome.SUCCEEDED)
			.at(this.clock.instant())
			.agent(null, ownerUserId)
			.actor(ActorType.SYSTEM, cause)
			.target("user", ownerUserId.toString())
			.detail("tokensResumed", 0)
			.build());
	}

	/**
	 * The periodic sync: asks the host for the status of every owner that still has
	 * active tokens and applies what it says. Catches events missed while the plugin was
	 * stopped.
	 * @return how many tokens changed
	 */
	public int sync() {
		Set<UUID> ownerIds = this.tokens.ownersWithActiveTokens();
		if (ownerIds.isEmpty()) {
			return 0;
		}
		Map<UUID, Owner.OwnerStatus> statuses = this.owners.statuses(ownerIds);
		int changed = 0;
		for (UUID ownerId : ownerIds) {
			Owner.OwnerStatus status = statuses.getOrDefault(ownerId, Owner.OwnerStatus.UNKNOWN);
			if (status != Owner.OwnerStatus.ACTIVE) {
				changed += apply(ownerId, status, "periodic_sync").size();
			}
		}
		return changed;
	}

}
