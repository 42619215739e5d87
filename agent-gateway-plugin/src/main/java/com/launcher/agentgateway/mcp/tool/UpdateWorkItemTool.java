package com.launcher.agentgateway.mcp.tool;

import com.launcher.agentgateway.call.ToolArguments;
import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.WorkItemChange;
import com.launcher.agentgateway.workitem.WorkItems;

/**
 * {@code update_work_item}: whitelisted fields only (plane-api.md §3.3), optionally
 * guarded by {@code expected_updated_at}. There is no field that archives, deletes, hides
 * or re-authors a card.
 */
final class UpdateWorkItemTool extends DescribedTool {

	private final WorkItems workItems;

	UpdateWorkItemTool(WorkItems workItems) {
		super("update_work_item");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		ToolArguments args = request.arguments();
		WorkItemChange change = new WorkItemChange(args.string("title"), args.string("description"),
				args.enumValue("priority", Priority.class), args.uuid("state_id"), args.uuids("assignee_ids"),
				args.uuids("label_ids"), args.uuid("parent_id"), args.date("start_date"), args.date("target_date"),
				args.isNull("parent_id"), args.isNull("start_date"), args.isNull("target_date"));
		return WorkItemViews.written(this.workItems.update(request.grant(), request.principal(),
				args.workItemRef("work_item_id"), change, args.dateTime("expected_updated_at"), request.reconcile()),
				request);
	}

}
