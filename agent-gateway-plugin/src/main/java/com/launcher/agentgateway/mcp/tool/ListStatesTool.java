package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.tasker.TaskerGateway;

/** {@code list_states}: the workflow states of a granted project. */
public class ListStatesTool implements McpTool {

	private final TaskerGateway tasker;

	public ListStatesTool(TaskerGateway tasker) {
		this.tasker = tasker;
	}

	@Override
	public String name() {
		return "list_states";
	}

	@Override
	public String title() {
		return "List states";
	}

	@Override
	public String description() {
		return "Lists the workflow states of a granted project (state_id, name, group: backlog, unstarted, started,"
				+ " completed or cancelled, and which is the default). Use a state_id to filter or update work items."
				+ UNTRUSTED;
	}

	@Override
	public String inputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"project_id\":" + PROJECT_ID_SCHEMA
				+ "},\"required\":[\"project_id\"],\"additionalProperties\":false}";
	}

	@Override
	public String outputSchema() {
		return """
				{"type":"object","properties":{"untrusted_names":{"const":true},"states":{"type":"array","items":\
				{"type":"object","properties":{"state_id":{"type":"string"},"name":{"type":"string"},\
				"group":{"type":"string"},"default":{"type":"boolean"}}}}},"required":["states"]}""";
	}

	@Override
	public boolean writes() {
		return false;
	}

	@Override
	public boolean projectScoped() {
		return true;
	}

	@Override
	public Map<String, Object> call(ToolRequest request) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("untrusted_names", true);
		result.put("states", this.tasker.states(request.grant()).stream().map((state) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("state_id", state.id().toString());
			view.put("name", WorkItemViews.sanitizedName(state.name()));
			view.put("group", state.group().planeValue());
			view.put("default", state.isDefault());
			return view;
		}).toList());
		return result;
	}

}
