package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.Map;

import com.launcher.agentgateway.tasker.TaskerGateway;
import com.launcher.host.api.tasker.TaskerComment;

/** {@code add_comment}: a Markdown comment on a card, once per idempotency key. */
public class AddCommentTool implements McpTool {

	private final TaskerGateway tasker;

	public AddCommentTool(TaskerGateway tasker) {
		this.tasker = tasker;
	}

	@Override
	public String name() {
		return "add_comment";
	}

	@Override
	public String title() {
		return "Add a comment";
	}

	@Override
	public String description() {
		return "Adds a comment (Markdown) to a work item in a project granted with WRITE access, visibly attributed to"
				+ " this agent and its owner. idempotency_key is required; a retry with the same key and arguments"
				+ " posts nothing new. For status updates prefer report_progress. Text containing credentials is"
				+ " refused.";
	}

	@Override
	public String inputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"project_id\":" + PROJECT_ID_SCHEMA + ","
				+ CreateWorkItemTool.KEY_FIELD + ",\"work_item_id\":{\"type\":\"string\",\"pattern\":\""
				+ WORK_ITEM_REF_PATTERN
				+ "\"},\"body\":{\"type\":\"string\",\"minLength\":1,\"maxLength\":20000,\"description\":\"Markdown.\"}},"
				+ "\"required\":[\"project_id\",\"idempotency_key\",\"work_item_id\",\"body\"],"
				+ "\"additionalProperties\":false}";
	}

	@Override
	public String outputSchema() {
		return "{\"type\":\"object\",\"properties\":{\"comment_id\":{\"type\":\"string\"},"
				+ "\"work_item_id\":{\"type\":\"string\"},\"replayed\":{\"type\":\"boolean\"}},"
				+ "\"required\":[\"comment_id\",\"work_item_id\",\"replayed\"]}";
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
		TaskerComment comment = this.tasker
			.addComment(request.grant(), request.principal(), WorkItemRefs.parse(request, "work_item_id"),
					request.arguments().requiredString("body"), request.key())
			.comment();
		return commented(comment);
	}

	static Map<String, Object> commented(TaskerComment comment) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("comment_id", comment.id().toString());
		result.put("work_item_id", comment.workItemId().toString());
		return result;
	}

}
