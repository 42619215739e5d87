package com.launcher.agentgateway.mcp.tool;

import java.util.Locale;

import com.launcher.agentgateway.call.ToolArguments;
import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.workitem.Comment;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.WorkItems;

/** {@code list_comments}: the comments of one card of a granted project, newest first. */
final class ListCommentsTool extends DescribedTool {

	private final WorkItems workItems;

	ListCommentsTool(WorkItems workItems) {
		super("list_comments");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		ToolArguments args = request.arguments();
		// The cursor is bound to the card as the caller named it.
		String card = args.requiredString("work_item_id").toLowerCase(Locale.ROOT);
		String cursor = ToolCursors.decode(args.string("cursor"), "c1", card, "belongs to another work item");
		int limit = (args.integer("limit") != null) ? args.integer("limit") : 25;
		Page<Comment> page = this.workItems.comments(request.grant(), args.workItemRef("work_item_id"),
				new Page.Request(cursor, limit));
		return WorkItemViews.page("comments",
				page.items().stream().map((c) -> WorkItemViews.comment(c, request.principal().agentId())).toList(),
				page.nextCursor().map((next) -> ToolCursors.encode("c1", card, next)).orElse(null), page.asOf());
	}

}
