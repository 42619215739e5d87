package com.launcher.host.security;

import org.springframework.security.core.AuthenticationException;

/** The caller's source address has failed too often and is refused for a while. */
class SourceThrottledException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final long retryAfterSeconds;

	SourceThrottledException(long retryAfterSeconds) {
		super("Too many failed attempts from this address");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
