package com.launcher.agentgateway.call;

/**
 * One allowlisted tool: its descriptor and its work. The pipeline has validated the
 * arguments and checked allowlist, grant, limits, the owner's membership and (for writes)
 * the idempotency claim before {@link #call} runs.
 */
public interface Tool {

	ToolDescriptor descriptor();

	/**
	 * Does the work.
	 * @param request the checked request
	 * @return the result
	 * @throws com.launcher.agentgateway.core.GatewayException for a refusal the agent can
	 * act on
	 */
	ToolResult call(ToolRequest request);

}
