package com.launcher.agentgateway.mcp.tool;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.tasker.WorkItemRef;
import com.launcher.host.api.tasker.WorkItemIdentifier;

/**
 * Reads a work-item argument given as a UUID or as a readable id such as {@code WEB-12},
 * without calling Tasker: the gateway resolves it once, inside the granted project only.
 */
final class WorkItemRefs {

	private WorkItemRefs() {
	}

	static WorkItemRef parse(ToolRequest request, String field) {
		String ref = request.arguments().requiredString(field);
		if (ref.length() == 36) {
			return new WorkItemRef.ById(request.arguments().requiredUuid(field));
		}
		try {
			return new WorkItemRef.ByIdentifier(WorkItemIdentifier.parse(ref));
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid(field, "must be a UUID or a readable id such as WEB-12");
		}
	}

}
