package com.launcher.agentgateway.token;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.audit.AgentRequest;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.token.AuthenticationOutcome.Authenticated;
import com.launcher.agentgateway.token.AuthenticationOutcome.Refused;
import com.launcher.agentgateway.token.TokenStore.TokenLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a presented token, in this order (DESIGN §5): format and checksum (no
 * token lookup for garbage), source throttle and keyed-hash lookup (one statement),
 * status, expiry, agent enabled, CIDR, owner ACTIVE asked of the host at request time.
 * Every refusal is audited here; the one event of an allowed request is written by the
 * edge that serves it.
 */
public class AgentAuthenticator {

	private static final Logger logger = LoggerFactory.getLogger(AgentAuthenticator.class);

	private final TokenStore tokens;

	private final TokenHasher hasher;

	private final SourceThrottle throttle;

	private final OwnerDirectory owners;

	private final OwnerLifecycleService lifecycle;

	private final AuditLog audit;

	private final Clock clock;

	public AgentAuthenticator(TokenStore tokens, TokenHasher hasher, SourceThrottle throttle, OwnerDirectory owners,
			OwnerLifecycleService lifecycle, AuditLog audit, Clock clock) {
		this.tokens = tokens;
		this.hasher = hasher;
		this.throttle = throttle;
		this.owners = owners;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.clock = clock;
	}

	public AuthenticationOutcome authenticate(String presented, String clientAddress, String requestId) {
		if (!TokenCodec.isWellFormed(presented)) {
			return refuse(null, "malformed_token", clientAddress, requestId, true);
		}
		byte[] hash = this.hasher.hash(presented);
		// The source's block and the token come from one statement: this runs on every
		// request.
		TokenStore.Presented presentedToken = this.tokens.findPresented(hash, clientAddress);
		if (presentedToken.sourceBlockedFor().isPresent()) {
			return deny(null, "source_throttled", clientAddress, requestId, presentedToken.sourceBlockedFor().get());
		}
		Optional<TokenLookup> found = presentedToken.lookup();
		if (found.isEmpty() || !MessageDigest.isEqual(found.get().storedHash(), hash)) {
			return refuse(null, "unknown_token", clientAddress, requestId, true);
		}
		TokenLookup lookup = found.get();
		AgentToken token = lookup.token();
		Instant now = this.clock.instant();
		if (token.status() == TokenStatus.ROTATED) {
			// A rotated-out token came back: assume the family leaked and revoke all of
			// it, auditing each token the cascade revoked.
			for (AgentToken revoked : this.tokens.revokeFamily(token.familyId(), "rotated_token_reuse", now)) {
				this.audit.append(AuditEvent.builder("token.family_revoke", Outcome.SUCCEEDED)
					.at(now)
					.agent(revoked.agentId(), lookup.ownerUserId())
					.actor(ActorType.SYSTEM, "rotated_token_reuse")
					.target("token", revoked.id().toString())
					.token(revoked.id(), revoked.hint())
					.reason("rotated_token_reuse")
					.detail("presentedToken", token.id())
					.build());
			}
			return refuse(lookup, "rotated_token_reuse", clientAddress, requestId, true);
		}
		if (token.status() != TokenStatus.ACTIVE) {
			return refuse(lookup, "token_" + token.status().name().toLowerCase(), clientAddress, requestId, true);
		}
		if (!now.isBefore(token.expiresAt())) {
			return refuse(lookup, "token_expired", clientAddress, requestId, true);
		}
		if (lookup.agentStatus() != AgentStatus.ENABLED) {
			return refuse(lookup, "agent_disabled", clientAddress, requestId, false);
		}
		if (!CidrMatcher.matchesAny(token.allowedCidrs(), clientAddress)) {
			return refuse(lookup, "source_not_allowed", clientAddress, requestId, true);
		}
		Optional<Owner> owner = this.owners.find(lookup.ownerUserId());
		Owner.OwnerStatus status = owner.map(Owner::status).orElse(Owner.OwnerStatus.UNKNOWN);
		if (status != Owner.OwnerStatus.ACTIVE) {
			// The lifecycle event may have been lost: the cascade runs as well, but off
			// this
			// thread; this request is refused from the status just read.
			this.lifecycle.applyLater(lookup.ownerUserId(), status, "request_time_check");
			return refuse(lookup, "owner_" + status.name().toLowerCase(), clientAddress, requestId, false);
		}
		this.throttle.reset(clientAddress);
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minusSeconds(60))
				|| !clientAddress.equals(token.lastUsedIp())) {
			this.tokens.touch(token.id(), now, clientAddress);
		}
		return new Authenticated(new AgentPrincipal(token.agentId(), lookup.agentName(), lookup.ownerUserId(),
				owner.get().email(), owner.get().displayName(), token.id(), token.hint(), lookup.grants(), requestId,
				clientAddress));
	}

	/**
	 * Audits a request whose authentication could not be decided (the database or the
	 * directory failed): A1, a denied request leaves one event even then. If the audit
	 * log cannot be written either, the refusal stands without it.
	 * @param clientAddress the client address
	 * @param requestId the host's request id
	 */
	public void refuseUndecided(String clientAddress, String requestId) {
		try {
			this.audit.append(AgentRequest.unrecognised(requestId, clientAddress)
				.event("token.use", Outcome.DENIED, this.clock.instant())
				.reason("cannot_decide")
				.build());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not audit the refusal of request {} ({})", requestId, ex.getClass().getSimpleName());
		}
	}

	private AuthenticationOutcome refuse(TokenLookup lookup, String reason, String clientAddress, String requestId,
			boolean countsAsFailure) {
		Duration throttled = countsAsFailure ? this.throttle.recordFailure(clientAddress).orElse(null) : null;
		return deny(lookup, reason, clientAddress, requestId, throttled);
	}

	private AuthenticationOutcome deny(TokenLookup lookup, String reason, String clientAddress, String requestId,
			Duration throttled) {
		AgentRequest request = (lookup != null)
				? new AgentRequest(lookup.token().agentId(), lookup.ownerUserId(), lookup.token().id(),
						lookup.token().hint(), requestId, clientAddress)
				: AgentRequest.unrecognised(requestId, clientAddress);
		this.audit.append(request.event("token.use", Outcome.DENIED, this.clock.instant()).reason(reason).build());
		return new Refused(reason, throttled);
	}

}
