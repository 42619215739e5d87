package com.launcher.agentgateway.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.token.OwnerLifecycleService;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TokenCodec;
import com.launcher.agentgateway.token.TokenHasher;
import com.launcher.agentgateway.token.TokenService;
import com.launcher.agentgateway.token.TokenStatus;
import com.launcher.agentgateway.token.TokenStore;

/**
 * The decisions of the authorization server: the authorization endpoint and the consent
 * behind it, the authorization-code and refresh-token grants, and revocation. Every
 * client request leaves exactly one audit event, naming agent and owner once they are
 * known; every refusal issues nothing.
 */
public class AuthorizationServer {

	// RFC 7636 §4.2: BASE64URL of a SHA-256, 43 characters without padding.
	private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final int MAX_STATE = 1_000;

	private final ClientRegistry clients;

	private final AuthorizationCodeStore codes;

	private final RefreshTokenStore refreshTokens;

	private final AgentService agents;

	private final AgentStore agentStore;

	private final GrantService grants;

	private final TokenService tokens;

	private final TokenStore tokenStore;

	private final TokenHasher hasher;

	private final OwnerDirectory owners;

	private final OwnerLifecycleService lifecycle;

	private final PolicyService policy;

	private final AuditLog audit;

	private final RequestContext request;

	private final Clock clock;

	private final OAuthSettings settings;

	private final TokenCodec codeCodec;

	private final TokenCodec refreshCodec;

	public AuthorizationServer(Parts parts, OAuthSettings settings, TokenCodec codeCodec, TokenCodec refreshCodec) {
		this.clients = parts.clients();
		this.codes = parts.codes();
		this.refreshTokens = parts.refreshTokens();
		this.agents = parts.agents();
		this.agentStore = parts.agentStore();
		this.grants = parts.grants();
		this.tokens = parts.tokens();
		this.tokenStore = parts.tokenStore();
		this.hasher = parts.hasher();
		this.owners = parts.owners();
		this.lifecycle = parts.lifecycle();
		this.policy = parts.policy();
		this.audit = parts.audit();
		this.request = parts.request();
		this.clock = parts.clock();
		this.settings = settings;
		this.codeCodec = codeCodec;
		this.refreshCodec = refreshCodec;
	}

	// ---- authorization endpoint (RFC 6749 §4.1.1) and consent

	/**
	 * Checks an authorization request before the consent page is shown. Writes one audit
	 * event.
	 * @param ask the request
	 * @param expectedResource the MCP endpoint's URL, the only resource
	 * @param userId the signed-in person
	 * @return the valid request, or how to refuse it
	 */
	public AuthorizationCheck authorize(AuthorizationAsk ask, String expectedResource, UUID userId) {
		AuthorizationCheck check = validate(ask, expectedResource);
		if (check instanceof AuthorizationCheck.Valid valid) {
			auditAuthorize("oauth.authorize", Outcome.SUCCEEDED, null, valid.client().clientId(), null, userId);
		}
		else {
			auditRefusal(check, ask, userId, "oauth.authorize");
		}
		return check;
	}

	/**
	 * Acts on the person's answer: on approval, connects the chosen agent of theirs (or a
	 * new one) with the ticked projects, and issues a code. Admins too act only for their
	 * own agents here (issue 12: no one mints on someone else's agent). Writes one audit
	 * event for the decision (the agent and grant services audit their own changes).
	 * @throws GatewayException when the agent or a project cannot be used; nothing is
	 * issued then
	 */
	public AuthorizationCheck decide(AuthorizationAsk ask, String expectedResource, UUID userId, Consent consent) {
		AuthorizationCheck check = validate(ask, expectedResource);
		if (!(check instanceof AuthorizationCheck.Valid valid)) {
			auditRefusal(check, ask, userId, "oauth.consent");
			return check;
		}
		if (!consent.approved()) {
			OAuthException denied = new OAuthException(OAuthError.ACCESS_DENIED, "access_denied",
					"The person denied the request.");
			auditAuthorize("oauth.consent", Outcome.DENIED, denied.reason(), valid.client().clientId(), null, userId);
			return new AuthorizationCheck.Redirected(denied, valid.redirectUri(), valid.state());
		}
		Actor me = new Actor(userId, false);
		Agent agent = connectAgent(me, consent, valid.client());
		applyGrants(me, agent, consent);
		Instant now = this.clock.instant();
		this.codes.deleteExpired(now.minus(Duration.ofHours(1)), 100);
		String code = this.codeCodec.generate();
		this.codes.insert(new AuthorizationCode(valid.client().clientId(), valid.redirectUri(), valid.codeChallenge(),
				valid.resource(), valid.scope(), agent.id(), userId, UUID.randomUUID(), now,
				now.plus(this.settings.codeLifetime()), null), this.hasher.hash(code));
		auditAuthorize("oauth.consent", Outcome.SUCCEEDED, null, valid.client().clientId(), agent, userId);
		return new AuthorizationCheck.Approved(valid, code);
	}

	/**
	 * Checks an authorization request without auditing it: for showing the consent page
	 * again after a problem with the person's answer, in a request already audited.
	 */
	public AuthorizationCheck validate(AuthorizationAsk ask, String expectedResource) {
		if (ask.clientId() == null || ask.clientId().isEmpty()) {
			return new AuthorizationCheck.Shown(
					new OAuthException(OAuthError.INVALID_REQUEST, "client_id_missing", "The client_id is missing."));
		}
		OAuthClient client;
		try {
			client = this.clients.resolve(ask.clientId());
		}
		catch (OAuthException ex) {
			return new AuthorizationCheck.Shown(ex);
		}
		// RFC 6749 §4.1.2.1: never redirect to a URI that is not verified as the
		// client's.
		if (ask.redirectUri() == null || !client.allowsRedirect(ask.redirectUri())) {
			return new AuthorizationCheck.Shown(new OAuthException(OAuthError.INVALID_REQUEST,
					(ask.redirectUri() == null) ? "redirect_uri_missing" : "redirect_uri_mismatch",
					"The redirect_uri is missing or is not registered for this client."));
		}
		String redirectUri = ask.redirectUri();
		String state = (ask.state() != null && ask.state().length() <= MAX_STATE) ? ask.state() : null;
		try {
			if (ask.problem() != null) {
				throw ask.problem();
			}
			if (ask.state() != null && state == null) {
				throw new OAuthException(OAuthError.INVALID_REQUEST, "state_too_long", "The state is too long.");
			}
			if (!"code".equals(ask.responseType())) {
				throw new OAuthException(OAuthError.UNSUPPORTED_RESPONSE_TYPE, "response_type_unsupported",
						"Only the code response type is supported.");
			}
			if (ask.codeChallenge() == null) {
				throw new OAuthException(OAuthError.INVALID_REQUEST, "pkce_required",
						"PKCE is required: send code_challenge with code_challenge_method S256.");
			}
			if (!"S256".equals(ask.codeChallengeMethod())) {
				throw new OAuthException(OAuthError.INVALID_REQUEST, "pkce_s256_required",
						"Only the S256 code_challenge_method is supported.");
			}
			if (!S256_CHALLENGE.matcher(ask.codeChallenge()).matches()) {
				throw new OAuthException(OAuthError.INVALID_REQUEST, "pkce_challenge_malformed",
						"The code_challenge is not a S256 challenge.");
			}
			String resource = resource(ask.resources(), expectedResource, expectedResource);
			String scope = Scopes.grant(ask.scope(), OAuthError.INVALID_SCOPE);
			return new AuthorizationCheck.Valid(client, redirectUri, state, ask.codeChallenge(), resource, scope);
		}
		catch (OAuthException ex) {
			return new AuthorizationCheck.Redirected(ex, redirectUri, state);
		}
	}

	private Agent connectAgent(Actor me, Consent consent, OAuthClient client) {
		if (consent.agentId() != null) {
			Agent agent = this.agents.get(me, consent.agentId());
			if (!agent.isEnabled()) {
				throw new GatewayException(ErrorCode.AGENT_DISABLED);
			}
			return agent;
		}
		if (consent.newAgentName() == null || consent.newAgentName().isBlank()) {
			throw GatewayException.invalid("agentName", "choose one of your agents or name a new one");
		}
		return this.agents.create(me, consent.newAgentName(), "Connected with OAuth (" + client.clientName() + ")");
	}

	private void applyGrants(Actor me, Agent agent, Consent consent) {
		if (consent.projects().isEmpty()) {
			return;
		}
		Map<UUID, Grant> existing = new LinkedHashMap<>();
		for (Grant grant : this.grants.list(me, agent.id())) {
			existing.put(grant.projectId(), grant);
		}
		for (Map.Entry<UUID, Access> project : consent.projects().entrySet()) {
			Grant current = existing.get(project.getKey());
			if (current != null && current.access() == project.getValue()) {
				continue;
			}
			if (current != null) {
				this.grants.delete(me, agent.id(), current.id());
			}
			this.grants.create(me, agent.id(), consent.workspace(), project.getKey(), project.getValue().name());
		}
	}

	// ---- token endpoint (RFC 6749 §4.1.3, §6)

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
		Trail trail = new Trail("authorization_code", clientId);
		try {
			requireClient(clientId, clientAuthentication);
			if (!this.codeCodec.accepts(code)) {
				throw invalidGrant("unknown_code");
			}
			Instant now = this.clock.instant();
			byte[] hash = this.hasher.hash(code);
			AuthorizationCodeStore.Claimed claimed = this.codes.claim(hash, now)
				.filter((c) -> MessageDigest.isEqual(c.storedHash(), hash))
				.orElseThrow(() -> invalidGrant("unknown_code"));
			AuthorizationCode issued = claimed.code();
			trail.agent(issued.agentId(), issued.ownerUserId());
			if (!claimed.firstUse()) {
				// RFC 6749 §4.1.2: a code used twice revokes what was issued from it.
				revokeFamily(issued.familyId(), "code_replayed", now);
				throw invalidGrant("code_replayed");
			}
			if (!issued.clientId().equals(clientId)) {
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
			String resource = resource(resources, issued.resource(), expectedResource);
			Agent agent = usableAgent(issued.agentId(), null, now, issued.familyId());
			requireActiveOwner(issued.ownerUserId(), issued.familyId(), now);
			IssuedTokens tokens = issue(agent, issued.ownerUserId(), clientId, issued.familyId(), issued.createdAt(),
					resource, issued.scope(), now);
			this.clients.markUsed(clientId);
			trail.succeeded(tokens);
			return tokens;
		}
		catch (OAuthException ex) {
			trail.denied(ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			throw trail.cannotDecide(ex);
		}
	}

	/**
	 * The refresh-token grant: the presented refresh token is spent and replaced (OAuth
	 * 2.1 §4.3.1); presenting a spent one again revokes its whole family. Writes the
	 * request's one audit event.
	 */
	public IssuedTokens refresh(String clientId, boolean clientAuthentication, String refreshToken, Set<String> scope,
			List<String> resources, String expectedResource) {
		Trail trail = new Trail("refresh_token", clientId);
		try {
			requireClient(clientId, clientAuthentication);
			if (!this.refreshCodec.accepts(refreshToken)) {
				throw invalidGrant("unknown_refresh_token");
			}
			Instant now = this.clock.instant();
			RefreshToken presented = presentedRefresh(refreshToken)
				.orElseThrow(() -> invalidGrant("unknown_refresh_token"));
			trail.agent(presented.agentId(), presented.ownerUserId());
			trail.token(presented);
			if (!presented.clientId().equals(clientId)) {
				// Another client holds this client's refresh token: it leaked.
				revokeFamily(presented.familyId(), "refresh_client_mismatch", now);
				throw invalidGrant("refresh_client_mismatch");
			}
			if (presented.status() == RefreshToken.Status.ROTATED) {
				revokeFamily(presented.familyId(), "refresh_token_reuse", now);
				throw invalidGrant("refresh_token_reuse");
			}
			if (presented.status() == RefreshToken.Status.REVOKED) {
				throw invalidGrant("refresh_token_revoked");
			}
			if (!now.isBefore(presented.expiresAt())) {
				throw invalidGrant("refresh_token_expired");
			}
			String resource = resource(resources, presented.resource(), expectedResource);
			Scopes.grant(scope, OAuthError.INVALID_SCOPE);
			Agent agent = usableAgent(presented.agentId(), presented.familyCreatedAt(), now, presented.familyId());
			// The access token issued with it shows what the owner's lifecycle, the owner
			// or an admin did to the connection since: suspended or revoked means dead.
			Optional<AgentToken> access = this.tokenStore.findById(presented.accessTokenId());
			if (access.isEmpty() || access.get().status() == TokenStatus.SUSPENDED
					|| access.get().status() == TokenStatus.REVOKED) {
				String reason = access.map(AgentToken::statusReason).orElse(null);
				revokeFamily(presented.familyId(), "connection_ended", now);
				throw invalidGrant((reason != null && reason.startsWith("owner_")) ? reason : "connection_revoked");
			}
			requireActiveOwner(presented.ownerUserId(), presented.familyId(), now);
			if (!this.refreshTokens.rotate(presented.id(), now)) {
				// Another request spent it first: the same token twice.
				revokeFamily(presented.familyId(), "refresh_token_reuse", now);
				throw invalidGrant("refresh_token_reuse");
			}
			IssuedTokens tokens = issue(agent, presented.ownerUserId(), clientId, presented.familyId(),
					presented.familyCreatedAt(), resource, presented.scope(), now);
			trail.succeeded(tokens);
			return tokens;
		}
		catch (OAuthException ex) {
			trail.denied(ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			throw trail.cannotDecide(ex);
		}
	}

	// ---- revocation endpoint (RFC 7009)

	/**
	 * Revokes a refresh token (with its whole family) or an access token that was issued
	 * to the calling client. An unknown or malformed token is not an error (RFC 7009
	 * §2.2). Writes the request's one audit event.
	 */
	public void revoke(String clientId, boolean clientAuthentication, String token) {
		Trail trail = new Trail("revocation", clientId);
		try {
			requireClient(clientId, clientAuthentication);
			Instant now = this.clock.instant();
			if (this.refreshCodec.accepts(token)) {
				Optional<RefreshToken> found = presentedRefresh(token);
				if (found.isPresent()) {
					RefreshToken refresh = found.get();
					trail.agent(refresh.agentId(), refresh.ownerUserId());
					trail.token(refresh);
					requireIssuedTo(refresh, clientId);
					revokeFamily(refresh.familyId(), "revoked_by_client", now);
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
						.filter((r) -> r.familyId().equals(access.familyId()))
						.findFirst()
						.orElseThrow(() -> new OAuthException(OAuthError.UNAUTHORIZED_CLIENT,
								"token_not_issued_to_client", "The token was not issued to this client."));
					requireIssuedTo(family, clientId);
					this.tokenStore.transition(access.id(), TokenStatus.ACTIVE, TokenStatus.REVOKED,
							"revoked_by_client", null, now);
				}
			}
			trail.revoked();
		}
		catch (OAuthException ex) {
			trail.denied(ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			throw trail.cannotDecide(ex);
		}
	}

	/**
	 * Audits a token or revocation request the web edge refused before it could be
	 * decided here (malformed, too large, an unsupported grant type).
	 * @param revocation whether it came to the revocation endpoint
	 * @param error the refusal
	 * @return the refusal, to answer with
	 */
	public OAuthException refusedAtEdge(boolean revocation, OAuthException error) {
		new Trail(revocation ? "revocation" : "unknown", null).denied(error);
		return error;
	}

	/**
	 * Audits an authorization request the web edge could not even parse far enough to
	 * check its client.
	 */
	public void refusedAtEdge(AuthorizationAsk ask, UUID userId, OAuthException error) {
		auditRefusal(new AuthorizationCheck.Shown(error), ask, userId, "oauth.authorize");
	}

	// ---- the agent page

	/**
	 * The OAuth connections of an agent its owner (or an admin) may see, newest first.
	 */
	public List<Connection> connections(Actor actor, UUID agentId) {
		Agent agent = this.agents.get(actor, agentId);
		Instant now = this.clock.instant();
		Map<UUID, List<RefreshToken>> byFamily = new LinkedHashMap<>();
		for (RefreshToken token : this.refreshTokens.findByAgent(agent.id())) {
			byFamily.computeIfAbsent(token.familyId(), (id) -> new ArrayList<>()).add(token);
		}
		List<Connection> connections = new ArrayList<>();
		for (List<RefreshToken> family : byFamily.values()) {
			RefreshToken newest = family.stream().max(Comparator.comparing(RefreshToken::createdAt)).orElseThrow();
			String name = this.clients.known(newest.clientId())
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
			connections.add(new Connection(newest.familyId(), newest.clientId(), name, newest.familyCreatedAt(),
					newest.createdAt(), newest.expiresAt(), active, reason));
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
			.anyMatch((r) -> r.familyId().equals(familyId));
		if (!ours) {
			throw new GatewayException(ErrorCode.NOT_FOUND);
		}
		Instant now = this.clock.instant();
		revokeFamily(familyId, "revoked_by_user", now);
		this.audit.append(AuditEvent.builder("oauth.connection_revoke", Outcome.SUCCEEDED)
			.at(now)
			.agent(agent.id(), agent.ownerUserId())
			.actor(ActorType.USER, actor.userId().toString())
			.target("oauth_connection", familyId.toString())
			.request(this.request.requestId(), this.request.clientAddress())
			.build());
	}

	// ---- shared rules

	private OAuthClient requireClient(String clientId, boolean clientAuthentication) {
		if (clientAuthentication) {
			throw new OAuthException(OAuthError.INVALID_CLIENT, "client_authentication_unsupported",
					"Clients of this server are public: authenticate with PKCE, not with a secret.");
		}
		if (clientId == null || clientId.isEmpty()) {
			throw new OAuthException(OAuthError.INVALID_CLIENT, "client_id_missing", "The client_id is missing.");
		}
		return this.clients.known(clientId)
			.orElseThrow(
					() -> new OAuthException(OAuthError.INVALID_CLIENT, "unknown_client", "The client is not known."));
	}

	/** A presented refresh token by its keyed hash, compared in constant time. */
	private Optional<RefreshToken> presentedRefresh(String token) {
		byte[] hash = this.hasher.hash(token);
		return this.refreshTokens.findByHash(hash)
			.filter((p) -> MessageDigest.isEqual(p.storedHash(), hash))
			.map(RefreshTokenStore.Presented::token);
	}

	private static void requireIssuedTo(RefreshToken token, String clientId) {
		if (!token.clientId().equals(clientId)) {
			throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "token_not_issued_to_client",
					"The token was not issued to this client.");
		}
	}

	/**
	 * The resource of a grant (RFC 8707 §2): none means the one the grant is for; more
	 * than one, or another, is {@code invalid_target}. The gateway has one resource, the
	 * MCP endpoint, so that is what a grant is for.
	 */
	private static String resource(List<String> requested, String granted, String expectedResource) {
		if (requested.isEmpty()) {
			return granted;
		}
		if (requested.size() > 1 || !sameResource(requested.get(0), granted)
				|| !sameResource(requested.get(0), expectedResource)) {
			throw new OAuthException(OAuthError.INVALID_TARGET, "resource_mismatch",
					"The resource is not this server's MCP endpoint.");
		}
		return granted;
	}

	private static boolean sameResource(String a, String b) {
		return strip(a).equals(strip(b));
	}

	private static String strip(String uri) {
		return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
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
			revokeFamily(familyId, "agent_disabled", now);
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
			revokeFamily(familyId, "owner_" + status.name().toLowerCase(Locale.ROOT), now);
			throw invalidGrant("owner_" + status.name().toLowerCase(Locale.ROOT));
		}
	}

	private IssuedTokens issue(Agent agent, UUID ownerUserId, String clientId, UUID familyId, Instant familyCreatedAt,
			String resource, String scope, Instant now) {
		Policy current = this.policy.current();
		Instant familyEnds = familyCreatedAt.plus(Duration.ofDays(current.maxTokenDays()));
		if (!now.isBefore(familyEnds)) {
			revokeFamily(familyId, "refresh_token_expired", now);
			throw invalidGrant("refresh_token_expired");
		}
		Instant accessEnds = now.plus(Duration.ofMinutes(current.oauthAccessTokenMinutes()));
		if (accessEnds.isAfter(familyEnds)) {
			accessEnds = familyEnds;
		}
		TokenService.MintedToken access = this.tokens.mintForOAuthClient(agent, familyId, ownerUserId, accessEnds);
		String refresh = this.refreshCodec.generate();
		this.refreshTokens.insert(new RefreshToken(UUID.randomUUID(), this.refreshCodec.hintOf(refresh), familyId,
				clientId, agent.id(), ownerUserId, access.token().id(), resource, scope, RefreshToken.Status.ACTIVE,
				null, familyCreatedAt, now, familyEnds), this.hasher.hash(refresh));
		return new IssuedTokens(access.secret(), Duration.between(now, accessEnds).toSeconds(), refresh, scope,
				access.token().id());
	}

	/** Ends a family: its refresh tokens and the access tokens issued with them. */
	private void revokeFamily(UUID familyId, String reason, Instant now) {
		this.refreshTokens.revokeFamily(familyId, reason, now);
		this.tokenStore.revokeFamily(familyId, reason, now);
	}

	private static OAuthException invalidGrant(String reason) {
		return new OAuthException(OAuthError.INVALID_GRANT, reason,
				"The authorization code or refresh token is invalid, expired, revoked or was issued to another client.");
	}

	private void auditRefusal(AuthorizationCheck check, AuthorizationAsk ask, UUID userId, String action) {
		OAuthException error = (check instanceof AuthorizationCheck.Redirected redirected) ? redirected.error()
				: ((AuthorizationCheck.Shown) check).error();
		String clientId = (ask.clientId() != null && ask.clientId().length() <= 200) ? ask.clientId() : null;
		auditAuthorize(action, Outcome.DENIED, error.reason(), clientId, null, userId);
	}

	private void auditAuthorize(String action, Outcome outcome, String reason, String clientId, Agent agent,
			UUID userId) {
		AuditEvent.Builder event = AuditEvent.builder(action, outcome)
			.at(this.clock.instant())
			.actor(ActorType.USER, userId.toString())
			.reason(reason)
			.request(this.request.requestId(), this.request.clientAddress());
		if (agent != null) {
			event.agent(agent.id(), agent.ownerUserId());
		}
		if (clientId != null) {
			event.target("oauth_client", clientId);
		}
		this.audit.append(event.build());
	}

	/**
	 * The one audit event of a token or revocation request, filled in as it is decided.
	 */
	private final class Trail {

		private final String grantType;

		private final String clientId;

		private UUID agentId;

		private UUID ownerUserId;

		private UUID tokenId;

		private String tokenHint;

		Trail(String grantType, String clientId) {
			this.grantType = grantType;
			this.clientId = (clientId != null && clientId.length() <= 200) ? clientId : null;
		}

		void agent(UUID agentId, UUID ownerUserId) {
			this.agentId = agentId;
			this.ownerUserId = ownerUserId;
		}

		void token(RefreshToken refresh) {
			this.tokenId = refresh.id();
			this.tokenHint = refresh.hint();
		}

		void succeeded(IssuedTokens tokens) {
			this.tokenId = tokens.accessTokenId();
			this.tokenHint = TokenCodec.hint(tokens.accessToken());
			append(Outcome.SUCCEEDED, null);
		}

		void revoked() {
			append(Outcome.SUCCEEDED, null);
		}

		void denied(OAuthException ex) {
			append(Outcome.DENIED, ex.reason());
		}

		// Fail closed, honestly: the request is refused as "try again", audited when the
		// audit log can still be written.
		OAuthException cannotDecide(RuntimeException cause) {
			try {
				append(Outcome.DENIED, "cannot_decide");
			}
			catch (RuntimeException ex) {
				cause.addSuppressed(ex);
			}
			return new OAuthException(OAuthError.TEMPORARILY_UNAVAILABLE, "cannot_decide",
					"The server cannot decide this request right now. Retry later.", cause);
		}

		private void append(Outcome outcome, String reason) {
			String action = this.grantType.equals("revocation") ? "oauth.revoke" : "oauth.token";
			AuditEvent.Builder event = AuditEvent.builder(action, outcome)
				.at(AuthorizationServer.this.clock.instant())
				.actor(ActorType.AGENT, (this.agentId != null) ? this.agentId.toString() : null)
				.reason(reason)
				.request(AuthorizationServer.this.request.requestId(),
						AuthorizationServer.this.request.clientAddress());
			if (!this.grantType.equals("revocation")) {
				event.detail("grantType", this.grantType);
			}
			if (this.agentId != null) {
				event.agent(this.agentId, this.ownerUserId);
			}
			if (this.clientId != null) {
				event.target("oauth_client", this.clientId);
			}
			if (this.tokenId != null) {
				event.token(this.tokenId, this.tokenHint);
			}
			AuthorizationServer.this.audit.append(event.build());
		}

	}

	/**
	 * The collaborators of the authorization server, gathered so that its constructor
	 * stays readable.
	 */
	public record Parts(ClientRegistry clients, AuthorizationCodeStore codes, RefreshTokenStore refreshTokens,
			AgentService agents, AgentStore agentStore, GrantService grants, TokenService tokens, TokenStore tokenStore,
			TokenHasher hasher, OwnerDirectory owners, OwnerLifecycleService lifecycle, PolicyService policy,
			AuditLog audit, RequestContext request, Clock clock) {
	}

}
