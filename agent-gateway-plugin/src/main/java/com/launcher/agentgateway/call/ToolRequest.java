package com.launcher.agentgateway.call;

import java.util.List;

import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.token.AgentPrincipal;

/**
 * A checked tool call.
 *
 * @param principal the agent
 * @param grant the grant of the named project (project-scoped tools), else null
 * @param arguments the validated arguments
 * @param key the idempotency key (writes), else null
 * @param policy the policy in force
 * @param reconcile whether an earlier attempt under the same key may have been applied
 * @param catalog the tools, for a tool that tells the agent what it may call
 */
public record ToolRequest(AgentPrincipal principal, Grant grant, ToolArguments arguments, IdempotencyKey key,
		Policy policy, boolean reconcile, ToolCatalog catalog) {

	/** The names of the tools this agent may call. */
	public List<String> callableTools() {
		return this.catalog.namesAllowedFor(this.principal);
	}

	ToolRequest reconciling(boolean value) {
		return new ToolRequest(this.principal, this.grant, this.arguments, this.key, this.policy, value, this.catalog);
	}

}
