package com.launcher.agentgateway.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;

/**
 * Mints, lists, revokes and rotates tokens. The secret exists only in the value returned
 * by {@link #mint} and {@link #rotate}; it is never stored, logged or shown again. Only
 * the agent's owner mints and rotates; an admin may revoke.
 */
public class TokenService {

	private final AgentService agents;

	private final TokenStore tokens;

	private final TokenCodec codec;

	private final TokenHasher hasher;

	private final PolicyService policy;

	private final UserActions actions;

	private final Clock clock;

	public TokenService(AgentService agents, TokenStore tokens, TokenCodec codec, TokenHasher hasher,
			PolicyService policy, UserActions actions, Clock clock) {
		this.agents = agents;
		this.tokens = tokens;
		this.codec = codec;
		this.hasher = hasher;
		this.policy = policy;
		this.actions = actions;
		this.clock = clock;
	}

	public MintedToken mint(Actor actor, UUID agentId, Integer expiresInDays, List<String> allowedCidrs) {
		Agent agent = this.agents.getOwn(actor, agentId);
		if (!agent.isEnabled()) {
			throw new GatewayException(ErrorCode.AGENT_DISABLED);
		}
		UUID id = UUID.randomUUID();
		MintedToken minted = issue(actor, agent, id, id, lifetime(expiresInDays), CidrMatcher.validate(allowedCidrs));
		audit(actor, agent, minted.token(), "token.mint", Map.of("expiresAt", minted.token().expiresAt()));
		return minted;
	}

	/**
	 * Mints a short-lived access token for an OAuth client acting for an agent: the same
	 * {@code agw_} token, checks and lifecycle as a pasted one, in the rotation family of
	 * the client's grant so that revoking the grant revokes it too. Unlike {@link #mint},
	 * it writes no audit event: the OAuth request that asks for it writes that request's
	 * one event.
	 * @param agent the agent, enabled
	 * @param familyId the OAuth grant's family
	 * @param createdBy the person who consented
	 * @param expiresAt when it stops working (the caller applies the policy)
	 * @return the token and, once, its secret
	 */
	public MintedToken mintForOAuthClient(Agent agent, UUID familyId, UUID createdBy, Instant expiresAt) {
		if (!agent.isEnabled()) {
			throw new GatewayException(ErrorCode.AGENT_DISABLED);
		}
		Instant now = this.clock.instant();
		if (!expiresAt.isAfter(now)) {
			throw GatewayException.invalid("expiresAt", "must be in the future");
		}
		return issue(new Actor(createdBy, false), agent, UUID.randomUUID(), familyId, Duration.between(now, expiresAt),
				List.of());
	}

	public List<AgentToken> list(Actor actor, UUID agentId) {
		return this.tokens.findByAgent(this.agents.get(actor, agentId).id());
	}

	public AgentToken revoke(Actor actor, UUID agentId, UUID tokenId) {
		Agent agent = this.agents.get(actor, agentId);
		AgentToken token = ownToken(agent, tokenId);
		if (token.status() != TokenStatus.REVOKED) {
			this.tokens.transition(tokenId, token.status(), TokenStatus.REVOKED, "revoked_by_user", null,
					this.clock.instant());
			audit(actor, agent, token, "token.revoke", Map.of());
		}
		return this.tokens.findById(tokenId).orElseThrow();
	}

	/**
	 * Revokes every token of an agent that could still come back to life (active or
	 * suspended), each with its own audit event, as if revoked one by one.
	 * @return how many were revoked
	 */
	public int revokeAll(Actor actor, UUID agentId) {
		Agent agent = this.agents.get(actor, agentId);
		int revoked = 0;
		for (AgentToken token : this.tokens.findByAgent(agent.id())) {
			if ((token.status() == TokenStatus.ACTIVE || token.status() == TokenStatus.SUSPENDED)
					&& this.tokens.transition(token.id(), token.status(), TokenStatus.REVOKED, "revoked_by_user", null,
							this.clock.instant())) {
				audit(actor, agent, token, "token.revoke", Map.of());
				revoked++;
			}
		}
		return revoked;
	}

	/**
	 * Replaces an active token with a successor in the same family. Presenting the
	 * rotated-out token later revokes the whole family (GitLab's reuse detection).
	 */
	public MintedToken rotate(Actor actor, UUID agentId, UUID tokenId, Integer expiresInDays) {
		Agent agent = this.agents.getOwn(actor, agentId);
		AgentToken old = ownToken(agent, tokenId);
		if (old.status() != TokenStatus.ACTIVE) {
			throw new GatewayException(ErrorCode.TOKEN_NOT_ACTIVE);
		}
		UUID id = UUID.randomUUID();
		MintedToken successor = issue(actor, agent, id, old.familyId(), lifetime(expiresInDays), old.allowedCidrs());
		if (!this.tokens.transition(old.id(), TokenStatus.ACTIVE, TokenStatus.ROTATED, "rotated", id,
				this.clock.instant())) {
			this.tokens.transition(id, TokenStatus.ACTIVE, TokenStatus.REVOKED, "rotation_lost_race", null,
					this.clock.instant());
			throw new GatewayException(ErrorCode.TOKEN_NOT_ACTIVE);
		}
		audit(actor, agent, successor.token(), "token.rotate", Map.of("predecessor", old.id()));
		return successor;
	}

	private MintedToken issue(Actor actor, Agent agent, UUID id, UUID familyId, Duration lifetime, List<String> cidrs) {
		String secret = this.codec.generate();
		Instant now = this.clock.instant();
		AgentToken token = new AgentToken(id, agent.id(), familyId, TokenCodec.hint(secret), TokenStatus.ACTIVE, null,
				cidrs, actor.userId(), now, now.plus(lifetime), null, null, null, null);
		this.tokens.insert(token, this.hasher.hash(secret));
		return new MintedToken(token, secret);
	}

	private Duration lifetime(Integer expiresInDays) {
		Policy current = this.policy.current();
		int days = (expiresInDays != null) ? expiresInDays : current.defaultTokenDays();
		if (days < 1) {
			throw GatewayException.invalid("expiresInDays", "must be at least 1");
		}
		if (days > current.maxTokenDays()) {
			throw new GatewayException(ErrorCode.TOKEN_EXPIRY_TOO_LONG, "expiresInDays",
					Map.of("maxTokenDays", current.maxTokenDays()), null);
		}
		return Duration.ofDays(days);
	}

	private AgentToken ownToken(Agent agent, UUID tokenId) {
		return this.tokens.findById(tokenId)
			.filter((t) -> t.agentId().equals(agent.id()))
			.orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND));
	}

	private void audit(Actor actor, Agent agent, AgentToken token, String action, Map<String, Object> details) {
		AuditEvent.Builder event = this.actions.event(action, Outcome.SUCCEEDED, actor)
			.agent(agent.id(), agent.ownerUserId())
			.target("token", token.id().toString())
			.token(token.id(), token.hint());
		details.forEach(event::detail);
		this.actions.record(event);
	}

	/**
	 * A new token: the record and, once, its secret.
	 *
	 * @param token the stored record
	 * @param secret the token itself, to hand to the user exactly once
	 */
	public record MintedToken(AgentToken token, String secret) {

		@Override
		public String toString() {
			return "MintedToken[token=" + this.token + ", secret=<hidden>]";
		}

	}

}
