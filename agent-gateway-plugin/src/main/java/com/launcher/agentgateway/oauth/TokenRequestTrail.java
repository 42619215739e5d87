package com.launcher.agentgateway.oauth;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.token.TokenCodec;

/**
 * The one audit event of a token or revocation request, filled in as it is decided, and
 * the rule every such decision follows: a refusal is audited as denied, and a failure to
 * decide is refused as "try again", never as a refusal of the grant.
 */
final class TokenRequestTrail {

	private final String grantType;

	private final String clientId;

	private final AuditLog audit;

	private final RequestContext request;

	private final Clock clock;

	private UUID agentId;

	private UUID ownerUserId;

	private UUID tokenId;

	private String tokenHint;

	TokenRequestTrail(String grantType, String clientId, AuditLog audit, RequestContext request, Clock clock) {
		this.grantType = grantType;
		this.clientId = (clientId != null && clientId.length() <= 200) ? clientId : null;
		this.audit = audit;
		this.request = request;
		this.clock = clock;
	}

	void agent(UUID agentId, UUID ownerUserId) {
		this.agentId = agentId;
		this.ownerUserId = ownerUserId;
	}

	void agent(Authorization authorization) {
		agent(authorization.agentId(), authorization.ownerUserId());
	}

	void token(RefreshToken refresh) {
		this.tokenId = refresh.id();
		this.tokenHint = refresh.hint();
	}

	/**
	 * Decides a grant and audits its outcome: the tokens issued, or why not.
	 * @param grant the decision, which throws {@link OAuthException} to refuse
	 * @return the tokens
	 */
	IssuedTokens issue(Supplier<IssuedTokens> grant) {
		return decide(() -> {
			IssuedTokens tokens = grant.get();
			this.tokenId = tokens.accessTokenId();
			this.tokenHint = TokenCodec.hint(tokens.accessToken());
			append(Outcome.SUCCEEDED, null);
			return tokens;
		});
	}

	/**
	 * Decides a revocation and audits its outcome.
	 * @param revocation the decision, which throws {@link OAuthException} to refuse
	 */
	void revoke(Runnable revocation) {
		decide(() -> {
			revocation.run();
			append(Outcome.SUCCEEDED, null);
			return null;
		});
	}

	void denied(OAuthException ex) {
		append(Outcome.DENIED, ex.reason());
	}

	private <T> T decide(Supplier<T> decision) {
		try {
			return decision.get();
		}
		catch (OAuthException ex) {
			denied(ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			throw cannotDecide(ex);
		}
	}

	// Fail closed, honestly: the request is refused as "try again", audited when the
	// audit log can still be written.
	private OAuthException cannotDecide(RuntimeException cause) {
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
			.at(this.clock.instant())
			.actor(ActorType.AGENT, (this.agentId != null) ? this.agentId.toString() : null)
			.reason(reason)
			.request(this.request.requestId(), this.request.clientAddress());
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
		this.audit.append(event.build());
	}

}
