package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.tasker.TaskerGateway;
import com.launcher.agentgateway.tasker.WorkItemRef;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerPage;

/** {@code list_comments}: the comments of one card of a granted project, newest first. */
public class ListCommentsTool implements McpTool {

	private final TaskerGateway tasker;

	public ListCommentsTool(TaskerGateway tasker) {
		this.tasker = tasker;
	}

	@Override
	public String name() {
		return "list_comments";
	}

	@Override
	public String title() {
		return "List comments";
	}

	@Override
	public String description() {
		return "Lists the comments of one work item of a granted project, newest first, as plain text with their"
				+ " author and whether this agent wrote them. Returns at most limit comments (1-100, default 25) and"
				+ " next_cursor (null at the end)." + UNTRUSTED;
	}

	@Override
	public String inputSchema() {
		return """
				{"type":"object","properties":{"project_id":%1$s,\
				"work_item_id":{"type":"string","pattern":"%2$s"},\
				"limit":{"type":"integer","minimum":1,"maximum":100},\
				"cursor":{"type":"string","maxLength":400,"pattern":"^[A-Za-z0-9_-]+$"}},\
				"required":["project_id","work_item_id"],"additionalProperties":false}""".formatted(PROJECT_ID_SCHEMA,
				WORK_ITEM_REF_PATTERN);
	}

	@Override
	public String outputSchema() {
		return """
				{"type":"object","properties":{"comments":{"type":"array","items":{"type":"object"}},\
				"next_cursor":{"type":["string","null"]}},"required":["comments","next_cursor"]}""";
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
		ToolArguments args = request.arguments();
		WorkItemRef ref = WorkItemRefs.parse(request, "work_item_id");
		// The cursor is bound to the card as the caller named it.
		String cardKey = args.requiredString("work_item_id").toLowerCase(Locale.ROOT);
		int limit = (args.integer("limit") != null) ? args.integer("limit") : 25;
		String taskerCursor = null;
		if (args.string("cursor") != null) {
			List<String> parts = WorkItemViews.decodeCursor(args.string("cursor"), "c1", 3);
			if (!parts.get(1).equals(cardKey)) {
				throw GatewayException.invalid("cursor", "belongs to another work item");
			}
			taskerCursor = WorkItemViews.taskerCursor(parts.get(2));
		}
		TaskerPage<TaskerComment> page = this.tasker.comments(request.grant(), ref,
				new PageRequest(taskerCursor, limit));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("comments",
				page.items().stream().map((c) -> WorkItemViews.comment(c, request.principal().agentId())).toList());
		out.put("next_cursor",
				page.nextCursor().map((next) -> WorkItemViews.encodeCursor(List.of("c1", cardKey, next))).orElse(null));
		return out;
	}

}
