package com.launcher.agentgateway.mcp.tool;

import java.util.Map;

import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItems;

/** {@code get_work_item}: one card of a granted project, by id or by {@code WEB-12}. */
final class GetWorkItemTool extends DescribedTool {

	private final WorkItems workItems;

	GetWorkItemTool(WorkItems workItems) {
		super("get_work_item");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		WorkItem item = this.workItems
			.get(request.grant(), request.arguments().workItemRef("work_item_id"), WorkItems.Freshness.ANY)
			.value();
		return ToolResult
			.of(Map.of("work_item", WorkItemViews.full(item, request.grant(), request.principal().agentId())));
	}

}
