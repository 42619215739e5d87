package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.State;
import com.launcher.agentgateway.workitem.WorkItems;

/** {@code list_states}: the workflow states of a granted project. */
final class ListStatesTool extends DescribedTool {

	private final WorkItems workItems;

	ListStatesTool(WorkItems workItems) {
		super("list_states");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		Page<State> page = this.workItems.states(request.grant());
		return WorkItemViews.named("states", page.items().stream().map(ListStatesTool::view).toList(), page.asOf());
	}

	private static Map<String, Object> view(State state) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("state_id", state.id().toString());
		view.put("name", state.name());
		view.put("group", state.group());
		view.put("default", state.isDefault());
		return view;
	}

}
