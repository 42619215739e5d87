package com.launcher.agentgateway.token;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

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

/**
 * Authenticates a presented token, in this order (DESIGN §5): format and checksum (no
 * token lookup for garbage), source throttle and keyed-hash lookup (one statement; a
 * second one under the previous pepper while a rotation is under way), status, expiry,
 * agent enabled, CIDR, owner ACTIVE asked of the host at request time. Every refusal is
 * audited here; the one event of an allowed request is written by the edge that serves
 * it.
 */
public class AgentAuthenticator {

	private final TokenStore tokens;

	private final TokenHasher hasher;

	private final SourceThrottle throttle;

	private final OwnerDirectory owners;

	private final OwnerLifecycleService lifecycle;

	private final AuditLog audit;

	private final Clock clock;

	private final BlockedSourceSampler sampler;

	public AgentAuthenticator(TokenStore tokens, TokenHasher hasher, SourceThrottle throttle, OwnerDirectory owners,
			OwnerLifecycleService lifecycle, AuditLog audit, Clock clock, BlockedSourceSampler sampler) {
		this.sampler = sampler;
		this.tokens = tokens;
		this.hasher = hasher;
		this.throttle = throttle;
		this.owners = owners;
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Decides a presented token. A failure to decide (database, directory) is thrown as
	 * {@link UndecidedAuthenticationException} carrying the refusal's audit event, which
	 * names the agent and owner when the token was already recognised (A1, issue 12 point
	 * 11). The caller refuses the request at once and appends the event when the log
	 * takes events again: appending now would wait for the same database a second time.
	 * @param presented the token as presented
	 * @param clientAddress the client address
	 * @param requestId the host's request id
	 * @return allowed or refused
	 */
	public AuthenticationOutcome authenticate(String presented, String clientAddress, String requestId) {
		TokenLookup[] recognised = new TokenLookup[1];
		try {
			return decide(presented, clientAddress, requestId, recognised);
		}
		catch (RuntimeException ex) {
			throw new UndecidedAuthenticationException(undecided(recognised[0], clientAddress, requestId), ex);
		}
	}

	private AuthenticationOutcome decide(String presented, String clientAddress, String requestId,
			TokenLookup[] recognised) {
		String source = CidrMatcher.throttleKey(clientAddress);
		if (!TokenCodec.isWellFormed(presented)) {
			// Garbage counts towards the block like an unknown token. The statement that
			// counts it finds a block in force, and then writes nothing: a blocked
			// source's garbage is refused before anything is written (issue 12, point 2).
			return refuse(null, "malformed_token", source, clientAddress, requestId, true);
		}
		byte[] hash = this.hasher.hash(presented);
		// The source's block and the token come from one statement: this runs on every
		// request.
		TokenStore.Presented presentedToken = this.tokens.findPresented(hash, source);
		byte[] staleHash = null;
		if (presentedToken.sourceBlockedFor().isEmpty() && presentedToken.lookup().isEmpty()) {
			// A pepper rotation is under way: one more lookup under the previous pepper,
			// until the token's first use moves it (below).
			Optional<TokenHasher.KeyedHash> previous = this.hasher.previous(presented);
			if (previous.isPresent()) {
				staleHash = previous.get().hash();
				presentedToken = this.tokens.findPresented(staleHash, source);
			}
		}
		byte[] storedHash = (staleHash != null) ? staleHash : hash;
		Optional<TokenLookup> found = presentedToken.lookup()
			.filter((lookup) -> MessageDigest.isEqual(lookup.storedHash(), storedHash));
		if (presentedToken.sourceBlockedFor().isPresent()) {
			return refuseBlocked(found.orElse(null), source, clientAddress, requestId,
					presentedToken.sourceBlockedFor().get());
		}
		if (found.isEmpty()) {
			return refuse(null, "unknown_token", source, clientAddress, requestId, true);
		}
		TokenLookup lookup = found.get();
		recognised[0] = lookup;
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
			return refuse(lookup, "rotated_token_reuse", source, clientAddress, requestId, true);
		}
		if (token.status() != TokenStatus.ACTIVE) {
			return refuse(lookup, "token_" + token.status().name().toLowerCase(), source, clientAddress, requestId,
					true);
		}
		if (!now.isBefore(token.expiresAt())) {
			return refuse(lookup, "token_expired", source, clientAddress, requestId, true);
		}
		if (lookup.agentStatus() != AgentStatus.ENABLED) {
			return refuse(lookup, "agent_disabled", source, clientAddress, requestId, false);
		}
		if (!CidrMatcher.matchesAny(token.allowedCidrs(), clientAddress)) {
			return refuse(lookup, "source_not_allowed", source, clientAddress, requestId, true);
		}
		Optional<Owner> owner = this.owners.find(lookup.ownerUserId());
		Owner.OwnerStatus status = owner.map(Owner::status).orElse(Owner.OwnerStatus.UNKNOWN);
		if (status != Owner.OwnerStatus.ACTIVE) {
			// The lifecycle event may have been lost: the cascade runs as well, off this
			// thread, and this request is refused from the status just read.
			this.lifecycle.applyLater(lookup.ownerUserId(), status, "request_time_check");
			return refuse(lookup, "owner_" + status.name().toLowerCase(), source, clientAddress, requestId, false);
		}
		this.throttle.reset(source);
		if (staleHash != null) {
			this.tokens.rehash(token.id(), staleHash, hash);
		}
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minusSeconds(60))
				|| !clientAddress.equals(token.lastUsedIp())) {
			this.tokens.touch(token.id(), now, clientAddress);
		}
		return new Authenticated(new AgentPrincipal(token.agentId(), lookup.agentName(), lookup.ownerUserId(),
				owner.get().email(), owner.get().displayName(), token.id(), token.hint(), lookup.grants(), requestId,
				clientAddress));
	}

	/**
	 * The event of a request whose authentication could not be decided (the database or
	 * the directory failed) before anything about its token was known: A1, a denied
	 * request leaves one event even then. It counts no failure against the source. The
	 * caller appends it when the log takes events again.
	 * @param clientAddress the client address
	 * @param requestId the host's request id
	 * @return the event
	 */
	public AuditEvent undecided(String clientAddress, String requestId) {
		return undecided(null, clientAddress, requestId);
	}

	private AuditEvent undecided(TokenLookup lookup, String clientAddress, String requestId) {
		return request(lookup, clientAddress, requestId).event("token.use", Outcome.DENIED, this.clock.instant())
			.reason("cannot_decide")
			.build();
	}

	private AuthenticationOutcome refuse(TokenLookup lookup, String reason, String source, String clientAddress,
			String requestId, boolean countsAsFailure) {
		if (!countsAsFailure) {
			return deny(lookup, reason, clientAddress, requestId, null);
		}
		SourceThrottle.Failure failure = this.throttle.recordFailure(source);
		if (failure.refusedAlready()) {
			// Garbage from a blocked source, or the source's other requests blocked it
			// since its block was read with the token.
			return refuseBlocked(lookup, source, clientAddress, requestId, failure.refusedFor());
		}
		return deny(lookup, reason, clientAddress, requestId, failure.refusedFor());
	}

	/**
	 * A blocked source is refused without counting (the block must not extend itself). A
	 * recognised token is audited with its agent and owner (A1); the rest cost one
	 * summarising event per source and interval, so a flood writes nothing more.
	 */
	private AuthenticationOutcome refuseBlocked(TokenLookup lookup, String source, String clientAddress,
			String requestId, Duration blockedFor) {
		if (lookup != null) {
			return deny(lookup, "source_throttled", clientAddress, requestId, blockedFor);
		}
		OptionalLong unaudited = this.sampler.sample(source, this.clock.instant());
		if (unaudited.isPresent()) {
			this.audit.append(AgentRequest.unrecognised(requestId, clientAddress)
				.event("token.use", Outcome.DENIED, this.clock.instant())
				.reason("source_throttled")
				.detail("source", source)
				.detail("unauditedRefusals", unaudited.getAsLong())
				.build());
		}
		return new Refused("source_throttled", blockedFor);
	}

	private AuthenticationOutcome deny(TokenLookup lookup, String reason, String clientAddress, String requestId,
			Duration throttled) {
		this.audit
			.append(request(lookup, clientAddress, requestId).event("token.use", Outcome.DENIED, this.clock.instant())
				.reason(reason)
				.build());
		return new Refused(reason, throttled);
	}

	private static AgentRequest request(TokenLookup lookup, String clientAddress, String requestId) {
		return (lookup != null)
				? new AgentRequest(lookup.token().agentId(), lookup.ownerUserId(), lookup.token().id(),
						lookup.token().hint(), requestId, clientAddress)
				: AgentRequest.unrecognised(requestId, clientAddress);
	}

}
