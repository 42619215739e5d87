package com.launcher.agentgateway.token;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.FailureNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an owner's status means for their agents' tokens (security.md, Owner lifecycle):
 * blocked → active tokens suspended; annulled → tokens revoked; reactivated → nothing
 * resumes by itself. Applied from three places: the host's lifecycle event, the
 * request-time check (off the request's thread, {@link #applyLater}) and the periodic
 * sync; applying twice changes nothing more. It only transitions tokens, so it lives with
 * them: the agent package knows nothing of tokens.
 */
public class OwnerLifecycleService {

	private static final Logger logger = LoggerFactory.getLogger(OwnerLifecycleService.class);

	private final TokenStore tokens;

	private final OwnerDirectory owners;

	private final AuditLog audit;

	private final Clock clock;

	private final Executor cascades;

	private final FailureNames failures;

	private final Set<UUID> queued = ConcurrentHashMap.newKeySet();

	/**
	 * @param cascades runs the cascades that {@link #applyLater} hands off
	 */
	public OwnerLifecycleService(TokenStore tokens, OwnerDirectory owners, AuditLog audit, Clock clock,
			Executor cascades, FailureNames failures) {
		this.tokens = tokens;
		this.owners = owners;
		this.audit = audit;
		this.clock = clock;
		this.cascades = cascades;
		this.failures = Objects.requireNonNull(failures, "failures");
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
	 * Applies an owner's status off the caller's thread. The request-time check uses it:
	 * the request is refused at once from the status it read, so the cascade's writes
	 * need not hold up every refused request. An owner already queued is not queued again
	 * (an agent retrying in a loop costs one cascade, not one per request); what a lost
	 * cascade would have changed the periodic sync changes.
	 * @param ownerUserId the owner
	 * @param status the status the check read
	 * @param cause the audit cause, {@code request_time_check}
	 */
	public void applyLater(UUID ownerUserId, Owner.OwnerStatus status, String cause) {
		if (!this.queued.add(ownerUserId)) {
			return;
		}
		try {
			this.cascades.execute(() -> {
				try {
					apply(ownerUserId, status, cause);
				}
				catch (RuntimeException ex) {
					logger.warn("Owner cascade ({}) failed; the periodic sync retries it: {}", cause,
							this.failures.of(ex));
				}
				finally {
					this.queued.remove(ownerUserId);
				}
			});
		}
		catch (RuntimeException ex) {
			// Rejected while the plugin stops: the sync at the next start applies it.
			this.queued.remove(ownerUserId);
		}
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
