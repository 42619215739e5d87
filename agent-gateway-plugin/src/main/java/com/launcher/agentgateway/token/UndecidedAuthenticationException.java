package com.launcher.agentgateway.token;

import java.util.Objects;

import com.launcher.agentgateway.audit.AuditEvent;

/**
 * Authentication could not be decided: the database or the owner directory failed. It
 * carries the refusal's audit event, built while the authenticator still knew whether the
 * token was recognised, so the caller can refuse at once (503, never a 401 that blames
 * the token) and append the event once the audit log takes events again.
 */
public class UndecidedAuthenticationException extends RuntimeException {

	private final transient AuditEvent event;

	public UndecidedAuthenticationException(AuditEvent event, RuntimeException cause) {
		super("authentication could not be decided", Objects.requireNonNull(cause, "cause"));
		this.event = Objects.requireNonNull(event, "event");
	}

	/**
	 * The refusal's audit event, naming the agent and owner when the token was found.
	 * @return the event
	 */
	public AuditEvent event() {
		return this.event;
	}

}
