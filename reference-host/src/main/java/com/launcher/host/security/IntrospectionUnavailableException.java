package com.launcher.host.security;

import org.springframework.security.core.AuthenticationException;

/**
 * The plugin's introspector could not decide (its database or a service did not answer):
 * the request is refused as unavailable, not as carrying a bad token.
 */
class IntrospectionUnavailableException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final long retryAfterSeconds;

	IntrospectionUnavailableException(long retryAfterSeconds) {
		super("The token could not be checked right now");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
