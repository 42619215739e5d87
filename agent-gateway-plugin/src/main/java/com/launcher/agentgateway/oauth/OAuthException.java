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
		super(checked(description), null, false, false);
		this.error = Objects.requireNonNull(error, "error");
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	/**
	 * A refusal caused by a failure to decide (database or directory unreachable); the
	 * cause is kept for the log, never shown.
	 */
	public OAuthException(OAuthError error, String reason, String description, Throwable cause) {
		super(checked(description), cause, false, false);
		this.error = Objects.requireNonNull(error, "error");
		this.reason = Objects.requireNonNull(reason, "reason");
	}

	// RFC 6749 §5.2: error_description holds %x20-21 / %x23-5B / %x5D-7E only.
	private static String checked(String description) {
		Objects.requireNonNull(description, "description");
		for (int i = 0; i < description.length(); i++) {
			char c = description.charAt(i);
			if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
				throw new IllegalArgumentException(
						"an error description is printable ASCII without quote or backslash");
			}
		}
		return description;
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
