package com.launcher.agentgateway.mcp.tool;

import com.launcher.agentgateway.call.ToolArguments;
import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.workitem.NewWorkItem;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.WorkItems;

/**
 * {@code create_work_item}: a new card, once per idempotency key, attributed to the
 * agent.
 */
final class CreateWorkItemTool extends DescribedTool {

	private final WorkItems workItems;

	CreateWorkItemTool(WorkItems workItems) {
		super("create_work_item");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		ToolArguments args = request.arguments();
		NewWorkItem draft = new NewWorkItem(args.requiredString("title"), args.string("description"),
				args.enumValue("priority", Priority.class), args.uuid("state_id"), args.uuids("assignee_ids"),
				args.uuids("label_ids"), args.uuid("parent_id"), args.date("start_date"), args.date("target_date"));
		return WorkItemViews.written(
				this.workItems.create(request.grant(), request.principal(), draft, request.key(), request.reconcile()),
				request);
	}

}
