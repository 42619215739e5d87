package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.Label;
import com.launcher.agentgateway.workitem.WorkItems;

/** {@code list_labels}: the labels of a granted project. */
final class ListLabelsTool extends DescribedTool {

	private final WorkItems workItems;

	ListLabelsTool(WorkItems workItems) {
		super("list_labels");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		Page<Label> page = this.workItems.labels(request.grant());
		return WorkItemViews.named("labels", page.items().stream().map(ListLabelsTool::view).toList(), page.asOf());
	}

	private static Map<String, Object> view(Label label) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("label_id", label.id().toString());
		view.put("name", label.name());
		view.put("color", label.color());
		return view;
	}

}
