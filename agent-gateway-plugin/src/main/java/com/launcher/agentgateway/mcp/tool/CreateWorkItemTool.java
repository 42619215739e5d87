package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.tasker.NewWorkItem;
import com.launcher.agentgateway.tasker.TaskerGateway;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemPriority;

/**
 * {@code create_work_item}: a new card, once per idempotency key, attributed to the
 * agent.
 */
public class CreateWorkItemTool implements McpTool {

	static final String WRITE_FIELDS = """
			"title":{"type":"string","minLength":1,"maxLength":255},\
			"description":{"type":"string","maxLength":50000,"description":"Markdown."},\
			"priority":{"enum":["urgent","high","medium","low","none"]},\
			"state_id":{"type":"string","pattern":"%1$s"},\
			"assignee_ids":{"type":"array","maxItems":20,"uniqueItems":true,"items":{"type":"string","pattern":"%1$s"}},\
			"label_ids":{"type":"array","maxItems":20,"uniqueItems":true,"items":{"type":"string","pattern":"%1$s"}},\
			"""
		.formatted(UUID_PATTERN);

	static final String KEY_FIELD = "\"idempotency_key\":{\"type\":\"string\",\"pattern\":\"" + IdempotencyKey.PATTERN
			+ "\",\"description\":\"A new unique key (8-128 of A-Z a-z 0-9 . _ : -) per intended write; reuse it only"
			+ " to retry the same call.\"}";

	private final TaskerGateway tasker;

	public CreateWorkItemTool(TaskerGateway tasker) {
		this.tasker = tasker;
	}

	@Override
	public String name() {
		return "create_work_item";
	}

	@Override
	public String title() {
		return "Create a work item";
	}

	@Override
	public String description() {
		return "Creates a work item (card) in a project granted with WRITE access. description is Markdown. The card"
				+ " is visibly attributed to this agent and its owner. idempotency_key is required: retrying with the"
				+ " same key and arguments never creates a second card (the result then has replayed: true). Text"
				+ " containing credentials is refused.";
	}

	@Override
	public String inputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"project_id\":" + PROJECT_ID_SCHEMA + "," + KEY_FIELD + ","
				+ WRITE_FIELDS + """
						"parent_id":{"type":"string","pattern":"%1$s"},\
						"start_date":{"type":"string","format":"date","maxLength":10},\
						"target_date":{"type":"string","format":"date","maxLength":10}},\
						"required":["project_id","idempotency_key","title"],"additionalProperties":false}"""
					.formatted(UUID_PATTERN);
	}

	@Override
	public String outputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"work_item_id\":{\"type\":\"string\"},"
				+ "\"identifier\":{\"type\":[\"string\",\"null\"]},\"replayed\":{\"type\":\"boolean\"},"
				+ "\"work_item\":" + WorkItemViews.WORK_ITEM_SCHEMA + "},\"required\":[\"work_item_id\",\"replayed\"]}";
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
		NewWorkItem draft = new NewWorkItem(args.requiredString("title"), args.string("description"),
				args.enumValue("priority", WorkItemPriority.class), args.uuid("state_id"), args.uuids("assignee_ids"),
				args.uuids("label_ids"), args.uuid("parent_id"), args.date("start_date"), args.date("target_date"));
		if (draft.startDate() != null && draft.targetDate() != null && draft.startDate().isAfter(draft.targetDate())) {
			throw com.launcher.agentgateway.core.GatewayException.invalid("start_date",
					"must not be after target_date");
		}
		TaskerWorkItem item = this.tasker.createWorkItem(request.grant(), request.principal(), draft, request.key(),
				request.reconcile());
		return written(item, request);
	}

	static Map<String, Object> written(TaskerWorkItem item, ToolRequest request) {
		Map<String, Object> view = WorkItemViews.full(item, request.grant(), request.principal().agentId());
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("work_item_id", item.id().toString());
		result.put("identifier", view.get("identifier"));
		result.put("work_item", view);
		return result;
	}

}
