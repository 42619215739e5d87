package com.launcher.host.api.web;

/**
 * Decides whether an opaque bearer token (RFC 6750) presented to a plugin's protected
 * resource is active, in the spirit of OAuth 2.0 token introspection (RFC 7662) but in
 * process.
 */
@FunctionalInterface
public interface BearerTokenIntrospector {

	/**
	 * Introspects one token. Must not throw for bad tokens: answer
	 * {@link IntrospectionResult.Rejected}; when it cannot decide, answer
	 * {@link IntrospectionResult.Unavailable}. An exception is treated as "cannot
	 * decide": the request is refused (fail closed) with 503.
	 * @param request the token and what the host knows of the request
	 * @return the decision
	 */
	IntrospectionResult introspect(BearerTokenRequest request);

}
