package com.launcher.agentgateway.oauth;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TokenCodec;
import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.agentgateway.token.TokenStatus;
import com.launcher.agentgateway.token.TokenStore;

/**
 * An agent's OAuth connections (one consent's token family each) and their end: by the
 * client at the revocation endpoint (RFC 7009), or by the person on the agent page.
 */
public class OAuthConnections {

	private final ClientRegistry clients;

	private final RefreshTokenStore refreshTokens;

	private final TokenFamilies families;

	private final AgentService agents;

	private final TokenStore tokenStore;

	private final TokenHasher hasher;

	private final OAuthAudit audit;

	private final RequestContext request;

	private final Clock clock;

	private final TokenCodec refreshCodec;

	public OAuthConnections(OAuthServerParts parts, TokenCodec refreshCodec) {
		this.clients = parts.clients();
		this.refreshTokens = parts.refreshTokens();
		this.families = new TokenFamilies(parts.refreshTokens(), parts.tokenStore(), parts.hasher());
		this.agents = parts.agents();
		this.tokenStore = parts.tokenStore();
		this.hasher = parts.hasher();
		this.audit = new OAuthAudit(parts);
		this.request = parts.request();
		this.clock = parts.clock();
		this.refreshCodec = refreshCodec;
	}

	/**
	 * Revokes a refresh token (with its whole family) or an access token that was issued
	 * to the calling client. An unknown or malformed token is not an error (RFC 7009
	 * §2.2). Writes the request's one audit event.
	 */
	public void revoke(String clientId, boolean clientAuthentication, String token) {
		TokenRequestTrail trail = this.audit.trail("revocation", clientId);
		trail.revoke(() -> {
			this.clients.requirePublicClient(clientId, clientAuthentication);
			Instant now = this.clock.instant();
			if (this.refreshCodec.accepts(token)) {
				Optional<RefreshToken> found = this.families.presented(token);
				if (found.isPresent()) {
					RefreshToken refresh = found.get();
					trail.agent(refresh.authorization());
					trail.token(refresh);
					requireIssuedTo(refresh, clientId);
					this.families.revoke(refresh.authorization().familyId(), "revoked_by_client", now);
				}
			}
			else if (TokenCodec.isWellFormed(token)) {
				byte[] hash = this.hasher.hash(token);
				Optional<TokenStore.TokenLookup> found = this.tokenStore
					.findPresented(hash, this.request.clientAddress())
					.lookup()
					.filter((l) -> MessageDigest.isEqual(l.storedHash(), hash));
				if (found.isPresent()) {
					AgentToken access = found.get().token();
					trail.agent(access.agentId(), found.get().ownerUserId());
					RefreshToken family = this.refreshTokens.findByAgent(access.agentId())
						.stream()
						.filter((r) -> r.authorization().familyId().equals(access.familyId()))
						.findFirst()
						.orElseThrow(OAuthConnections::notIssuedToClient);
					requireIssuedTo(family, clientId);
					this.tokenStore.transition(access.id(), TokenStatus.ACTIVE, TokenStatus.REVOKED,
							"revoked_by_client", null, now);
				}
			}
		});
	}

	/**
	 * The OAuth connections of an agent its owner (or an admin) may see, newest first.
	 */
	public List<Connection> connections(Actor actor, UUID agentId) {
		Agent agent = this.agents.get(actor, agentId);
		Instant now = this.clock.instant();
		Map<UUID, List<RefreshToken>> byFamily = new LinkedHashMap<>();
		for (RefreshToken token : this.refreshTokens.findByAgent(agent.id())) {
			byFamily.computeIfAbsent(token.authorization().familyId(), (id) -> new ArrayList<>()).add(token);
		}
		List<Connection> connections = new ArrayList<>();
		for (List<RefreshToken> family : byFamily.values()) {
			RefreshToken newest = family.stream().max(Comparator.comparing(RefreshToken::createdAt)).orElseThrow();
			Authorization authorization = newest.authorization();
			String name = this.clients.known(authorization.clientId())
				.map(OAuthClient::clientName)
				.orElse(ClientRegistry.UNNAMED);
			// A family lives while one of its tokens is active: the one not spent yet.
			boolean active = family.stream()
				.anyMatch((t) -> t.status() == RefreshToken.Status.ACTIVE && now.isBefore(t.expiresAt()));
			String reason = active ? null
					: family.stream()
						.filter((t) -> t.status() == RefreshToken.Status.REVOKED)
						.map(RefreshToken::statusReason)
						.findFirst()
						.orElse("expired");
			connections.add(new Connection(authorization.familyId(), authorization.clientId(), name,
					authorization.consentedAt(), newest.createdAt(), newest.expiresAt(), active, reason));
		}
		connections.sort(Comparator.comparing(Connection::lastIssued).reversed());
		return connections;
	}

	/**
	 * Ends an OAuth connection from the agent page: its refresh tokens and its access
	 * tokens are revoked at once.
	 */
	public void revokeConnection(Actor actor, UUID agentId, UUID familyId) {
		Agent agent = this.agents.get(actor, agentId);
		boolean ours = this.refreshTokens.findByAgent(agent.id())
			.stream()
			.anyMatch((r) -> r.authorization().familyId().equals(familyId));
		if (!ours) {
			throw new GatewayException(ErrorCode.NOT_FOUND);
		}
		Instant now = this.clock.instant();
		this.families.revoke(familyId, "revoked_by_user", now);
		this.audit.connectionRevoked(agent, actor, familyId, now);
	}

	private static void requireIssuedTo(RefreshToken token, String clientId) {
		if (!token.authorization().clientId().equals(clientId)) {
			throw notIssuedToClient();
		}
	}

	private static OAuthException notIssuedToClient() {
		return new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "token_not_issued_to_client",
				"The token was not issued to this client.");
	}

}
