package com.launcher.agentgateway.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.token.TokenCodec;
import com.launcher.agentgateway.token.TokenHasher;

/**
 * The authorization endpoint (RFC 6749 §4.1.1) and the consent behind it: checks an
 * authorization request, and turns the person's approval into an agent's grants and an
 * authorization code bound to PKCE and to the MCP endpoint. Every request leaves exactly
 * one audit event; a refusal issues nothing.
 */
public class AuthorizationEndpoint {

	// RFC 7636 §4.2: BASE64URL of a SHA-256, 43 characters without padding.
	private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final int MAX_STATE = 1_000;

	private final ClientRegistry clients;

	private final AuthorizationCodeStore codes;

	private final AgentService agents;

	private final GrantService grants;

	private final TokenHasher hasher;

	private final OAuthAudit audit;

	private final Clock clock;

	private final OAuthSettings settings;

	private final TokenCodec codeCodec;

	public AuthorizationEndpoint(OAuthServerParts parts, OAuthSettings settings, TokenCodec codeCodec) {
		this.clients = parts.clients();
		this.codes = parts.codes();
		this.agents = parts.agents();
		this.grants = parts.grants();
		this.hasher = parts.hasher();
		this.audit = new OAuthAudit(parts);
		this.clock = parts.clock();
		this.settings = settings;
		this.codeCodec = codeCodec;
	}

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
			this.audit.userDecision("oauth.authorize", Outcome.SUCCEEDED, null, valid.client().clientId(), null,
					userId);
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
			this.audit.userDecision("oauth.consent", Outcome.DENIED, denied.reason(), valid.client().clientId(), null,
					userId);
			return new AuthorizationCheck.Redirected(denied, valid.redirectUri(), valid.state());
		}
		Actor me = new Actor(userId, false);
		Agent agent = connectAgent(me, consent, valid.client());
		applyGrants(me, agent, consent);
		Instant now = this.clock.instant();
		this.codes.deleteExpired(now.minus(Duration.ofHours(1)), 100);
		String code = this.codeCodec.generate();
		Authorization authorization = new Authorization(UUID.randomUUID(), valid.client().clientId(), agent.id(),
				userId, valid.resource(), valid.scope(), now);
		this.codes.insert(new AuthorizationCode(authorization, valid.redirectUri(), valid.codeChallenge(),
				now.plus(this.settings.codeLifetime()), null), this.hasher.hash(code));
		this.audit.userDecision("oauth.consent", Outcome.SUCCEEDED, null, valid.client().clientId(), agent, userId);
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
			requireS256Challenge(ask);
			String resource = ResourceIndicator.resource(ask.resources(), expectedResource, expectedResource);
			String scope = Scopes.grant(ask.scope(), OAuthError.INVALID_SCOPE);
			return new AuthorizationCheck.Valid(client, redirectUri, state, ask.codeChallenge(), resource, scope);
		}
		catch (OAuthException ex) {
			return new AuthorizationCheck.Redirected(ex, redirectUri, state);
		}
	}

	/**
	 * Audits an authorization request the web edge could not even parse far enough to
	 * check its client.
	 */
	public void refusedAtEdge(AuthorizationAsk ask, UUID userId, OAuthException error) {
		auditRefusal(new AuthorizationCheck.Shown(error), ask, userId, "oauth.authorize");
	}

	private static void requireS256Challenge(AuthorizationAsk ask) {
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
	}

	private Agent connectAgent(Actor me, Consent consent, OAuthClient client) {
		if (consent.agentId() != null) {
			// A connection mints tokens: only for the person's own agent.
			Agent agent = this.agents.getOwn(me, consent.agentId());
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

	private void auditRefusal(AuthorizationCheck check, AuthorizationAsk ask, UUID userId, String action) {
		OAuthException error = (check instanceof AuthorizationCheck.Redirected redirected) ? redirected.error()
				: ((AuthorizationCheck.Shown) check).error();
		String clientId = (ask.clientId() != null && ask.clientId().length() <= 200) ? ask.clientId() : null;
		this.audit.userDecision(action, Outcome.DENIED, error.reason(), clientId, null, userId);
	}

}
