package com.launcher.agentgateway.oauth;

/**
 * The OAuth error codes the authorization server answers with: RFC 6749 §4.1.2.1 and
 * §5.2, RFC 7591 §3.2.2 and RFC 8707 §2. The web adapter maps each to its HTTP status.
 */
public enum OAuthError {

	INVALID_REQUEST("invalid_request"), INVALID_CLIENT("invalid_client"), INVALID_GRANT("invalid_grant"),
	UNAUTHORIZED_CLIENT("unauthorized_client"), UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
	INVALID_SCOPE("invalid_scope"), ACCESS_DENIED("access_denied"),
	UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"), INVALID_TARGET("invalid_target"),
	INVALID_REDIRECT_URI("invalid_redirect_uri"), INVALID_CLIENT_METADATA("invalid_client_metadata"),
	UNSUPPORTED_TOKEN_TYPE("unsupported_token_type"), TEMPORARILY_UNAVAILABLE("temporarily_unavailable"),
	/** Too many registrations from one source today; answered with 429. */
	REGISTRATION_LIMITED("temporarily_unavailable");

	private final String code;

	OAuthError(String code) {
		this.code = code;
	}

	/** The code as the RFCs spell it. */
	public String code() {
		return this.code;
	}

}
