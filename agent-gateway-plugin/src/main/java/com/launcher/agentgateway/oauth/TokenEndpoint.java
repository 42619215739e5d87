package com.launcher.agentgateway.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.OwnerLifecycleService;
import com.launcher.agentgateway.token.TokenCodec;
import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.agentgateway.token.TokenService;
import com.launcher.agentgateway.token.TokenStatus;
import com.launcher.agentgateway.token.TokenStore;

/**
 * The token endpoint's grants (RFC 6749 §4.1.3, §6): the authorization code, checked
 * against its PKCE challenge and spent once, and the refresh token, which rotates. Every
 * request leaves exactly one audit event; a refusal issues nothing.
 */
public class TokenEndpoint {

	private final ClientRegistry clients;

	private final AuthorizationCodeStore codes;

	private final RefreshTokenStore refreshTokens;

	private final TokenFamilies families;

	private final AgentStore agentStore;

	private final TokenService tokens;

	private final TokenStore tokenStore;

	private final TokenHasher hasher;

	private final OwnerDirectory owners;

	private final OwnerLifecycleService lifecycle;

	private final PolicyService policy;

	private final OAuthAudit audit;

	private final Clock clock;

	private final TokenCodec codeCodec;

	private final TokenCodec refreshCodec;

	public TokenEndpoint(OAuthServerParts parts, TokenCodec codeCodec, TokenCodec refreshCodec) {
		this.clients = parts.clients();
		this.codes = parts.codes();
		this.refreshTokens = parts.refreshTokens();
		this.families = new TokenFamilies(parts.refreshTokens(), parts.tokenStore(), parts.hasher());
		this.agentStore = parts.agentStore();
		this.tokens = parts.tokens();
		this.tokenStore = parts.tokenStore();
		this.hasher = parts.hasher();
		this.owners = parts.owners();
		this.lifecycle = parts.lifecycle();
		this.policy = parts.policy();
		this.audit = new OAuthAudit(parts);
		this.clock = parts.clock();
		this.codeCodec = codeCodec;
		this.refreshCodec = refreshCodec;
	}

	/**
	 * The authorization-code grant. Writes the request's one audit event.
	 * @param clientId the client's {@code client_id}
	 * @param clientAuthentication whether the request carried client credentials (public
	 * clients must not)
	 * @param code the code
	 * @param redirectUri the {@code redirect_uri}
	 * @param pkce the {@code code_verifier}
	 * @param resources the {@code resource} values
	 * @param expectedResource the MCP endpoint's URL
	 * @return the tokens
	 */
	public IssuedTokens exchangeCode(String clientId, boolean clientAuthentication, String code, String redirectUri,
			PkceProof pkce, List<String> resources, String expectedResource) {
		TokenRequestTrail trail = this.audit.trail("authorization_code", clientId);
		return trail.issue(() -> {
			this.clients.requirePublicClient(clientId, clientAuthentication);
			if (!this.codeCodec.accepts(code)) {
				throw invalidGrant("unknown_code");
			}
			Instant now = this.clock.instant();
			byte[] hash = this.hasher.hash(code);
			AuthorizationCodeStore.Claimed claimed = this.codes.claim(hash, now)
				.filter((c) -> MessageDigest.isEqual(c.storedHash(), hash))
				.orElseThrow(() -> invalidGrant("unknown_code"));
			AuthorizationCode issued = claimed.code();
			Authorization authorization = issued.authorization();
			trail.agent(authorization);
			if (!claimed.firstUse()) {
				// RFC 6749 §4.1.2: a code used twice revokes what was issued from it.
				this.families.revoke(authorization.familyId(), "code_replayed", now);
				throw invalidGrant("code_replayed");
			}
			if (!authorization.clientId().equals(clientId)) {
				throw invalidGrant("code_client_mismatch");
			}
			if (!now.isBefore(issued.expiresAt())) {
				throw invalidGrant("code_expired");
			}
			if (!issued.redirectUri().equals(redirectUri)) {
				throw invalidGrant("redirect_uri_mismatch");
			}
			if (!pkce.present()) {
				throw invalidGrant("pkce_verifier_missing");
			}
			if (pkce.s256Challenge() == null
					|| !MessageDigest.isEqual(pkce.s256Challenge().getBytes(StandardCharsets.US_ASCII),
							issued.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
				throw invalidGrant("pkce_mismatch");
			}
			// Refuses another resource; the tokens keep the granted one (RFC 8707 §2).
			ResourceIndicator.resource(resources, authorization.resource(), expectedResource);
			Agent agent = usableAgent(authorization.agentId(), null, now, authorization.familyId());
			requireActiveOwner(authorization.ownerUserId(), authorization.familyId(), now);
			IssuedTokens tokens = issue(agent, authorization, now);
			this.clients.markUsed(clientId);
			return tokens;
		});
	}

	/**
	 * The refresh-token grant: the presented refresh token is spent and replaced (OAuth
	 * 2.1 §4.3.1); presenting a spent one again revokes its whole family. Writes the
	 * request's one audit event.
	 */
	public IssuedTokens refresh(String clientId, boolean clientAuthentication, String refreshToken, Set<String> scope,
			List<String> resources, String expectedResource) {
		TokenRequestTrail trail = this.audit.trail("refresh_token", clientId);
		return trail.issue(() -> {
			this.clients.requirePublicClient(clientId, clientAuthentication);
			if (!this.refreshCodec.accepts(refreshToken)) {
				throw invalidGrant("unknown_refresh_token");
			}
			Instant now = this.clock.instant();
			RefreshToken presented = this.families.presented(refreshToken)
				.orElseThrow(() -> invalidGrant("unknown_refresh_token"));
			Authorization authorization = presented.authorization();
			trail.agent(authorization);
			trail.token(presented);
			if (!authorization.clientId().equals(clientId)) {
				// Another client holds this client's refresh token: it leaked.
				this.families.revoke(authorization.familyId(), "refresh_client_mismatch", now);
				throw invalidGrant("refresh_client_mismatch");
			}
			if (presented.status() == RefreshToken.Status.ROTATED) {
				this.families.revoke(authorization.familyId(), "refresh_token_reuse", now);
				throw invalidGrant("refresh_token_reuse");
			}
			if (presented.status() == RefreshToken.Status.REVOKED) {
				throw invalidGrant("refresh_token_revoked");
			}
			if (!now.isBefore(presented.expiresAt())) {
				throw invalidGrant("refresh_token_expired");
			}
			// Refuses another resource; the tokens keep the granted one (RFC 8707 §2).
			ResourceIndicator.resource(resources, authorization.resource(), expectedResource);
			Scopes.grant(scope, OAuthError.INVALID_SCOPE);
			Agent agent = usableAgent(authorization.agentId(), authorization.consentedAt(), now,
					authorization.familyId());
			// The access token issued with it shows what the owner's lifecycle, the owner
			// or an admin did to the connection since: suspended or revoked means dead.
			Optional<AgentToken> access = this.tokenStore.findById(presented.accessTokenId());
			if (access.isEmpty() || access.get().status() == TokenStatus.SUSPENDED
					|| access.get().status() == TokenStatus.REVOKED) {
				String reason = access.map(AgentToken::statusReason).orElse(null);
				this.families.revoke(authorization.familyId(), "connection_ended", now);
				throw invalidGrant((reason != null && reason.startsWith("owner_")) ? reason : "connection_revoked");
			}
			requireActiveOwner(authorization.ownerUserId(), authorization.familyId(), now);
			if (!this.refreshTokens.rotate(presented.id(), now)) {
				// Another request spent it first: the same token twice.
				this.families.revoke(authorization.familyId(), "refresh_token_reuse", now);
				throw invalidGrant("refresh_token_reuse");
			}
			return issue(agent, authorization, now);
		});
	}

	/**
	 * Audits a token or revocation request the web edge refused before it could be
	 * decided here (malformed, too large, an unsupported grant type).
	 * @param revocation whether it came to the revocation endpoint
	 * @param error the refusal
	 * @return the refusal, to answer with
	 */
	public OAuthException refusedAtEdge(boolean revocation, OAuthException error) {
		this.audit.trail(revocation ? "revocation" : "unknown", null).denied(error);
		return error;
	}

	/**
	 * The agent of a grant, if it may still act. A family issued before the agent was
	 * last disabled is dead even when the agent was enabled again since: the agent's
	 * {@code updatedAt} moves with every status change.
	 */
	private Agent usableAgent(UUID agentId, Instant familyCreatedAt, Instant now, UUID familyId) {
		Optional<Agent> agent = this.agentStore.findById(agentId);
		boolean changedSince = familyCreatedAt != null && agent.isPresent() && agent.get().updatedAt() != null
				&& agent.get().updatedAt().isAfter(familyCreatedAt);
		if (agent.isEmpty() || !agent.get().isEnabled() || changedSince) {
			this.families.revoke(familyId, "agent_disabled", now);
			throw invalidGrant("agent_disabled");
		}
		return agent.get();
	}

	/**
	 * The owner's status, asked of the host now (a lifecycle event may have been lost).
	 */
	private void requireActiveOwner(UUID ownerUserId, UUID familyId, Instant now) {
		Owner.OwnerStatus status = this.owners.find(ownerUserId).map(Owner::status).orElse(Owner.OwnerStatus.UNKNOWN);
		if (status != Owner.OwnerStatus.ACTIVE) {
			this.lifecycle.apply(ownerUserId, status, "request_time_check");
			this.families.revoke(familyId, "owner_" + status.name().toLowerCase(Locale.ROOT), now);
			throw invalidGrant("owner_" + status.name().toLowerCase(Locale.ROOT));
		}
	}

	/**
	 * Issues an access token and a refresh token for the authorization, both bounded by
	 * the family's lifetime from the consent.
	 */
	private IssuedTokens issue(Agent agent, Authorization authorization, Instant now) {
		Policy current = this.policy.current();
		Instant familyEnds = authorization.consentedAt().plus(Duration.ofDays(current.maxTokenDays()));
		if (!now.isBefore(familyEnds)) {
			this.families.revoke(authorization.familyId(), "refresh_token_expired", now);
			throw invalidGrant("refresh_token_expired");
		}
		Instant accessEnds = now.plus(Duration.ofMinutes(current.oauthAccessTokenMinutes()));
		if (accessEnds.isAfter(familyEnds)) {
			accessEnds = familyEnds;
		}
		TokenService.MintedToken access = this.tokens.mintForOAuthClient(agent, authorization.familyId(),
				authorization.ownerUserId(), accessEnds);
		String refresh = this.refreshCodec.generate();
		this.refreshTokens.insert(
				new RefreshToken(UUID.randomUUID(), this.refreshCodec.hintOf(refresh), authorization,
						access.token().id(), RefreshToken.Status.ACTIVE, null, now, familyEnds),
				this.hasher.hash(refresh));
		return new IssuedTokens(access.secret(), Duration.between(now, accessEnds).toSeconds(), refresh,
				authorization.scope(), access.token().id());
	}

	private static OAuthException invalidGrant(String reason) {
		return new OAuthException(OAuthError.INVALID_GRANT, reason,
				"The authorization code or refresh token is invalid, expired, revoked or was issued to another client.");
	}

}
