package com.launcher.agentgateway.oauth;

import java.util.Objects;

/**
 * What the authorization endpoint answers a request with (RFC 6749 §4.1.2).
 */
public sealed interface AuthorizationCheck {

	/**
	 * A valid request, to show the consent page for.
	 *
	 * @param client the client
	 * @param redirectUri the verified redirect URI
	 * @param state the client's state
	 * @param codeChallenge the S256 code challenge
	 * @param resource the resource the tokens will be for
	 * @param scope the granted scope
	 */
	record Valid(OAuthClient client, String redirectUri, String state, String codeChallenge, String resource,
			String scope) implements AuthorizationCheck {

		public Valid {
			Objects.requireNonNull(client, "client");
			Objects.requireNonNull(redirectUri, "redirectUri");
		}

	}

	/**
	 * Approved: send the code to the verified redirect URI.
	 *
	 * @param request the request
	 * @param code the authorization code, shown only in this redirect
	 */
	record Approved(Valid request, String code) implements AuthorizationCheck {

		@Override
		public String toString() {
			return "Approved[request=" + this.request + ", code=<hidden>]";
		}

	}

	/**
	 * A refusal that may be sent to the verified redirect URI (RFC 6749 §4.1.2.1).
	 *
	 * @param error the error
	 * @param redirectUri the verified redirect URI
	 * @param state the client's state
	 */
	record Redirected(OAuthException error, String redirectUri, String state) implements AuthorizationCheck {
	}

	/**
	 * A refusal that must not be redirected: the client or its redirect URI could not be
	 * verified, so the person is shown the error instead (RFC 6749 §4.1.2.1).
	 *
	 * @param error the error
	 */
	record Shown(OAuthException error) implements AuthorizationCheck {
	}

}
