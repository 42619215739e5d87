package com.launcher.agentgateway.oauth;

import java.util.Objects;

/**
 * A refused OAuth request: the error code, a fixed description that is safe to show (it
 * never echoes what the client sent) and a machine reason for the audit log.
 */
public class OAuthException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final OAuthError error;

	private final String reason;

	public OAuthException(OAuthError error, String reason, String description) {
		super(Objects.requireNonNull(description, "description"), null, false, false);
		this.error = Objects.requireNonNull(error, "error");
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/**
	 * A refusal caused by a failure to decide (database or directory unreachable); the
	 * cause is kept for the log, never shown.
	 */
	public OAuthException(OAuthError error, String reason, String description, Throwable cause) {
		super(Objects.requireNonNull(description, "description"), cause, false, false);
		this.error = Objects.requireNonNull(error, "error");
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	public OAuthError error() {
		return this.error;
	}

	/** A stable machine code for the audit event, for example {@code code_replayed}. */
	public String reason() {
		return this.reason;
	}

	/** The fixed, safe text for the client or the person. */
	public String description() {
		return getMessage();
	}

}
