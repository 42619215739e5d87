package com.launcher.agentgateway.mcp.tool;

import java.util.Map;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.tasker.TaskerGateway;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemIdentifier;

/** {@code get_work_item}: one card of a granted project, by id or by {@code WEB-12}. */
public class GetWorkItemTool implements McpTool {

	private final TaskerGateway tasker;

	public GetWorkItemTool(TaskerGateway tasker) {
		this.tasker = tasker;
	}

	@Override
	public String name() {
		return "get_work_item";
	}

	@Override
	public String title() {
		return "Get a work item";
	}

	@Override
	public String description() {
		return "Reads one Tasker work item (card) of a granted project: title, description (as plain text),"
				+ " state_id, priority, assignees, labels, dates and updated_at. work_item_id is either its UUID or its"
				+ " readable id such as WEB-12; a readable id must belong to project_id." + UNTRUSTED;
	}

	@Override
	public String inputSchema() {
		return """
				{"type":"object","properties":{"project_id":%s,\
				"work_item_id":{"type":"string","maxLength":40,\
				"pattern":"^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Z0-9]{1,12}-[1-9][0-9]{0,9})$",\
				"description":"The work item's UUID, or its readable id such as WEB-12."}},\
				"required":["project_id","work_item_id"],"additionalProperties":false}"""
			.formatted(PROJECT_ID_SCHEMA);
	}

	@Override
	public String outputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"work_item\":" + WorkItemViews.WORK_ITEM_SCHEMA
				+ "},\"required\":[\"work_item\"]}";
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
		String ref = request.arguments().requiredString("work_item_id");
		TaskerWorkItem item;
		if (ref.length() == 36) {
			item = this.tasker.workItem(request.grant(), request.arguments().requiredUuid("work_item_id"));
		}
		else {
			WorkItemIdentifier identifier;
			try {
				identifier = WorkItemIdentifier.parse(ref);
			}
			catch (IllegalArgumentException ex) {
				throw GatewayException.invalid("work_item_id", "must be a UUID or a readable id such as WEB-12");
			}
			item = this.tasker.workItem(request.grant(), identifier);
		}
		return Map.of("work_item", WorkItemViews.full(item, request.grant(), request.principal().agentId()));
	}

}
