package com.launcher.agentgateway.mcp.tool;

import java.util.UUID;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.tasker.TaskerGateway;
import com.launcher.host.api.tasker.WorkItemIdentifier;

/**
 * Resolves a work-item argument given as a UUID or as a readable id such as
 * {@code WEB-12}. A readable id is looked up within the granted project only (the gateway
 * refuses one of another project before calling Tasker).
 */
final class WorkItemRefs {

	private WorkItemRefs() {
	}

	static UUID resolve(TaskerGateway tasker, ToolRequest request, String field) {
		String ref = request.arguments().requiredString(field);
		if (ref.length() == 36) {
			return request.arguments().requiredUuid(field);
		}
		WorkItemIdentifier identifier;
		try {
			identifier = WorkItemIdentifier.parse(ref);
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid(field, "must be a UUID or a readable id such as WEB-12");
		}
		return tasker.workItem(request.grant(), identifier).id();
	}

}
