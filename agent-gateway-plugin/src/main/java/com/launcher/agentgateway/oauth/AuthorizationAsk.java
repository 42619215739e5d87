package com.launcher.agentgateway.oauth;

import java.util.List;
import java.util.Set;

/**
 * An authorization request (RFC 6749 §4.1.1 with RFC 7636 and RFC 8707) as the web
 * adapter parsed it; nothing in it is trusted yet.
 *
 * @param clientId {@code client_id}
 * @param redirectUri {@code redirect_uri}
 * @param responseType {@code response_type}
 * @param state {@code state}, returned unchanged
 * @param codeChallenge {@code code_challenge}
 * @param codeChallengeMethod {@code code_challenge_method} ({@code plain} when absent,
 * RFC 7636 §4.3)
 * @param resources the {@code resource} values
 * @param scope the {@code scope} values
 * @param problem why the request could not be parsed, or {@code null}; it is redirected
 * only once client and redirect URI are verified
 */
public record AuthorizationAsk(String clientId, String redirectUri, String responseType, String state,
		String codeChallenge, String codeChallengeMethod, List<String> resources, Set<String> scope,
		OAuthException problem) {

	public AuthorizationAsk {
		resources = (resources != null) ? List.copyOf(resources) : List.of();
		scope = (scope != null) ? Set.copyOf(scope) : Set.of();
	}

}
