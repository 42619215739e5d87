package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.tasker.TaskerGateway;

/** {@code list_labels}: the labels of a granted project. */
public class ListLabelsTool implements McpTool {

	private final TaskerGateway tasker;

	public ListLabelsTool(TaskerGateway tasker) {
		this.tasker = tasker;
	}

	@Override
	public String name() {
		return "list_labels";
	}

	@Override
	public String title() {
		return "List labels";
	}

	@Override
	public String description() {
		return "Lists the labels of a granted project (label_id, name, color). Use label_id values to filter,"
				+ " create or update work items." + UNTRUSTED;
	}

	@Override
	public String inputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"project_id\":" + PROJECT_ID_SCHEMA
				+ "},\"required\":[\"project_id\"],\"additionalProperties\":false}";
	}

	@Override
	public String outputSchema() {
		return """
				{"type":"object","properties":{"untrusted_names":{"const":true},"labels":{"type":"array","items":\
				{"type":"object","properties":{"label_id":{"type":"string"},"name":{"type":"string"},\
				"color":{"type":"string"}}}}},"required":["labels"]}""";
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
		result.put("labels", this.tasker.labels(request.grant()).stream().map((label) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("label_id", label.id().toString());
			view.put("name", WorkItemViews.sanitizedName(label.name()));
			view.put("color", WorkItemViews.sanitizedName(label.color()));
			return view;
		}).toList());
		return result;
	}

}
