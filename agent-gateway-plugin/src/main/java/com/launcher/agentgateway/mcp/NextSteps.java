package com.launcher.agentgateway.mcp;

import com.launcher.agentgateway.core.GatewayException;

/**
 * The one sentence a refusal adds for the model: what to do next, naming the argument,
 * the tool that gives valid values or when to retry (issue 15, point 5). Codes whose
 * fixed message already says it add nothing. Only the gateway's own words and argument
 * names appear here, never what the agent sent.
 */
final class NextSteps {

	private NextSteps() {
	}

	/**
	 * The message of a refusal: the code's fixed message and the next step.
	 * @param ex the refusal
	 * @return one or two sentences
	 */
	static String message(GatewayException ex) {
		String next = next(ex);
		return (next != null) ? ex.errorCode().message() + " " + next : ex.errorCode().message();
	}

	private static String next(GatewayException ex) {
		String field = ex.field();
		return switch (ex.errorCode()) {
			case VALIDATION_FAILED -> (ex.details()
				.containsKey("valid")) ? "Pass one of the values in valid as " + field + "." : (field != null)
						? "Fix " + field + " as problem says and call again."
						: "Fix the arguments as problem says (the tool's inputSchema lists what is allowed) and call again.";
			case NOT_FOUND -> "Check work_item_id (list_work_items shows the cards) and call again.";
			case PROJECT_NOT_GRANTED -> "Use a project_id from list_projects; only the owner can grant other projects.";
			case WRITE_NOT_GRANTED -> "Do not retry: ask the agent's owner for WRITE access; reads still work.";
			case OWNER_NOT_MEMBER ->
				"Do not retry: the owner must rejoin the project in Tasker; other granted projects still work.";
			case IDEMPOTENCY_KEY_REQUIRED -> "Pass a new one per intended write, the same one only to retry it.";
			case FORBIDDEN -> "Do not retry: ask the agent's owner.";
			case WORK_ITEM_CHANGED ->
				"Call get_work_item, then retry with its updated_at as expected_updated_at and a new idempotency_key.";
			case TASKER_REJECTED ->
				"Check the values (ids of this project, dates) and call again with corrected arguments; an unchanged retry fails again.";
			case SEARCH_DISABLED ->
				"Do not retry: use list_work_items with text (one project, titles and descriptions).";
			case SEARCH_NOT_READY -> "Retry after retry_after_seconds, or use list_work_items with text now.";
			default -> null;
		};
	}

}
