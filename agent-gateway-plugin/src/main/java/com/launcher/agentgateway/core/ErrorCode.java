package com.launcher.agentgateway.core;

/**
 * Every failure the gateway reports, with a stable machine code and a fixed, safe
 * message. Edges map the {@link Kind} to their own vocabulary (HTTP status, JSON-RPC
 * error or tool result); nothing here knows HTTP.
 */
public enum ErrorCode {

	VALIDATION_FAILED("validation_failed", Kind.INVALID, "The request is not valid."),
	MALFORMED_REQUEST("malformed_request", Kind.INVALID, "The request body could not be read."),
	NOT_FOUND("not_found", Kind.NOT_FOUND, "The resource does not exist or is not visible to you."),
	FORBIDDEN("forbidden", Kind.FORBIDDEN, "You are not allowed to do this."),
	OWNER_ONLY("owner_only", Kind.FORBIDDEN,
			"Only the agent's owner may do this. An admin may disable the agent or revoke its tokens."),
	AGENT_NAME_TAKEN("agent_name_taken", Kind.CONFLICT, "You already have an agent with this name."),
	AGENT_DISABLED("agent_disabled", Kind.CONFLICT, "The agent is disabled."),
	GRANT_EXISTS("grant_exists", Kind.CONFLICT, "This project is already granted to the agent."),
	PROJECT_NOT_GRANTABLE("project_not_grantable", Kind.FORBIDDEN,
			"You can grant only Tasker projects you are currently a member of."),
	TOKEN_EXPIRY_TOO_LONG("token_expiry_too_long", Kind.INVALID,
			"The requested token lifetime exceeds the maximum allowed by policy."),
	TOKEN_NOT_ACTIVE("token_not_active", Kind.CONFLICT, "The token is not active."),
	TOOL_NOT_AVAILABLE("tool_not_available", Kind.NOT_FOUND, "Unknown tool."),
	PROJECT_NOT_GRANTED("project_not_granted", Kind.FORBIDDEN, "This project is not granted to this agent."),
	WRITE_NOT_GRANTED("write_not_granted", Kind.FORBIDDEN, "This agent has read-only access to this project."),
	OWNER_NOT_MEMBER("owner_not_member", Kind.FORBIDDEN,
			"The agent's owner is not an active member of this project in Tasker."),
	OWNER_MEMBERSHIP_UNKNOWN("owner_membership_unknown", Kind.UNAVAILABLE,
			"Tasker could not confirm that the agent's owner is a member of this project, so the call was refused. Retry later."),
	RATE_LIMITED("rate_limited", Kind.RATE_LIMITED,
			"Too many requests for this agent. Retry after the indicated time."),
	WRITE_BUDGET_EXHAUSTED("write_budget_exhausted", Kind.RATE_LIMITED,
			"The agent's daily write budget is used up. Retry after the indicated time."),
	IDEMPOTENCY_KEY_REQUIRED("idempotency_key_required", Kind.INVALID,
			"Write tools require an idempotency_key (8 to 128 characters: letters, digits, '-', '_', '.', ':')."),
	IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", Kind.UNPROCESSABLE,
			"This idempotency_key was already used with different arguments. Use a new key for a new operation."),
	IDEMPOTENCY_IN_PROGRESS("idempotency_in_progress", Kind.CONFLICT,
			"A call with this idempotency_key is still in progress. Retry later with the same key."),
	OUTCOME_UNKNOWN("outcome_unknown", Kind.UNAVAILABLE,
			"Tasker did not confirm the write. Retry later with the same idempotency_key; it will not be applied twice."),
	WORK_ITEM_CHANGED("work_item_changed", Kind.CONFLICT,
			"The work item changed since expected_updated_at. Read it again and retry."),
	SECRET_IN_CONTENT("secret_in_content", Kind.INVALID,
			"The text contains what looks like a credential; it was not written. Remove it and retry."),
	SEARCH_DISABLED("search_disabled", Kind.UNPROCESSABLE,
			"Text search is switched off on this gateway (it searches the gateway's copy of Tasker, which is off)."),
	SEARCH_NOT_READY("search_not_ready", Kind.UNAVAILABLE,
			"The gateway is still copying the project from Tasker, so it cannot search it yet."),
	TASKER_REJECTED("tasker_rejected", Kind.INVALID, "Tasker rejected the request."),
	TASKER_RATE_LIMITED("tasker_rate_limited", Kind.RATE_LIMITED, "Tasker is busy. Retry after the indicated time."),
	TASKER_BUSY("tasker_busy", Kind.RATE_LIMITED,
			"Tasker's shared call budget is serving other callers first. Nothing was sent to Tasker; retry after retry_after_seconds."),
	TASKER_UNAVAILABLE("tasker_unavailable", Kind.UNAVAILABLE, "Tasker is unavailable. Retry later."),
	SERVICE_UNAVAILABLE("service_unavailable", Kind.UNAVAILABLE,
			"The gateway cannot decide this request right now. Retry later."),
	TEMPORARILY_UNAVAILABLE("temporarily_unavailable", Kind.UNAVAILABLE,
			"The gateway is temporarily unavailable. Retry in a few seconds."),
	INTERNAL("internal_error", Kind.UNAVAILABLE, "Something went wrong. Retry later.");

	private final String code;

	private final Kind kind;

	private final String message;

	ErrorCode(String code, Kind kind, String message) {
		this.code = code;
		this.kind = kind;
		this.message = message;
	}

	public String code() {
		return this.code;
	}

	public Kind kind() {
		return this.kind;
	}

	public String message() {
		return this.message;
	}

	/** Families of failure that edges map to their own codes. */
	public enum Kind {

		INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, UNPROCESSABLE, RATE_LIMITED, UNAVAILABLE

	}

}
