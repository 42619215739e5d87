package com.launcher.agentgateway.readmodel;

/**
 * What became of a webhook delivery, with the HTTP status and the stable reason the
 * receiver answers. Plane retries only transport errors, never a status (plane-api.md
 * §7), so a refusal is final and says why.
 */
public enum WebhookVerdict {

	/** A change was written to the copy. */
	APPLIED(200, "applied"),

	/**
	 * Valid, but the copy already held this or a newer snapshot (a duplicate, a
	 * reordering).
	 */
	UNCHANGED(200, "unchanged"),

	/**
	 * Valid, about something the copy does not keep (a project nobody granted, a project
	 * event).
	 */
	IGNORED(200, "ignored"),

	UNSIGNED(401, "signature_missing"),

	BAD_SIGNATURE(401, "signature_invalid"),

	TOO_LARGE(413, "too_large"),

	MALFORMED(400, "malformed"),

	REPLAYED(409, "replayed"),

	STALE(409, "stale"),

	/** The gateway cannot check it now (no secret configured, database down). */
	UNAVAILABLE(503, "unavailable");

	private final int status;

	private final String reason;

	WebhookVerdict(int status, String reason) {
		this.status = status;
		this.reason = reason;
	}

	public int status() {
		return this.status;
	}

	public String reason() {
		return this.reason;
	}

	public boolean accepted() {
		return this.status == 200;
	}

}
