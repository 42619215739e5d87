package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.workitem.Snapshot;
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
		WorkItems.Freshness freshness = request.arguments().flag("fresh") ? WorkItems.Freshness.LIVE
				: WorkItems.Freshness.ANY;
		Snapshot<WorkItem> read = this.workItems.get(request.grant(), request.arguments().workItemRef("work_item_id"),
				freshness);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("work_item", WorkItemViews.full(read.value(), request.grant(), request.principal().agentId(),
				new ProjectNames(this.workItems, request.grant())));
		result.put("as_of", WorkItemViews.asOf(read.asOf()));
		return ToolResult.of(result);
	}

}
