package com.launcher.agentgateway.mcp.tool;

import java.util.Map;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.tasker.TaskerGateway;
import com.launcher.agentgateway.tasker.WorkItemChange;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemPriority;

/**
 * {@code update_work_item}: whitelisted fields only (plane-api.md §3.3), optionally
 * guarded by {@code expected_updated_at}. There is no field that archives, deletes, hides
 * or re-authors a card.
 */
public class UpdateWorkItemTool implements McpTool {

	private final TaskerGateway tasker;

	public UpdateWorkItemTool(TaskerGateway tasker) {
		this.tasker = tasker;
	}

	@Override
	public String name() {
		return "update_work_item";
	}

	@Override
	public String title() {
		return "Update a work item";
	}

	@Override
	public String description() {
		return "Changes fields of a work item in a project granted with WRITE access: title, description (Markdown;"
				+ " replaces the whole description), priority, state_id, assignee_ids and label_ids (each replaces the"
				+ " whole set), parent_id, start_date, target_date (null clears those three). Pass expected_updated_at"
				+ " (the updated_at you read) to refuse the change if someone edited the card since. idempotency_key is"
				+ " required; a retry with the same key and arguments is not applied twice.";
	}

	@Override
	public String inputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"project_id\":" + PROJECT_ID_SCHEMA + ","
				+ CreateWorkItemTool.KEY_FIELD + ",\"work_item_id\":{\"type\":\"string\",\"pattern\":\""
				+ WORK_ITEM_REF_PATTERN + "\"}," + CreateWorkItemTool.WRITE_FIELDS + """
						"parent_id":{"type":["string","null"],"pattern":"%1$s"},\
						"start_date":{"type":["string","null"],"format":"date","maxLength":10},\
						"target_date":{"type":["string","null"],"format":"date","maxLength":10},\
						"expected_updated_at":{"type":"string","format":"date-time","maxLength":40}},\
						"required":["project_id","idempotency_key","work_item_id"],"additionalProperties":false,\
						"minProperties":4}""".formatted(UUID_PATTERN);
	}

	@Override
	public String outputSchema() {
		return new CreateWorkItemTool(this.tasker).outputSchema();
	}

	@Override
	public boolean writes() {
		return true;
	}

	@Override
	public boolean projectScoped() {
		return true;
	}

	@Override
	public Map<String, Object> call(ToolRequest request) {
		ToolArguments args = request.arguments();
		WorkItemChange change = new WorkItemChange(args.string("title"), args.string("description"),
				args.enumValue("priority", WorkItemPriority.class), args.uuid("state_id"), args.uuids("assignee_ids"),
				args.uuids("label_ids"), args.uuid("parent_id"), args.date("start_date"), args.date("target_date"),
				args.isNull("parent_id"), args.isNull("start_date"), args.isNull("target_date"));
		if (change.title() != null && change.title().isBlank()) {
			throw GatewayException.invalid("title", "must not be blank");
		}
		TaskerWorkItem item = this.tasker.updateWorkItem(request.grant(), request.principal(),
				WorkItemRefs.parse(request, "work_item_id"), change, args.dateTime("expected_updated_at"),
				request.reconcile());
		return CreateWorkItemTool.written(item, request);
	}

}
