package com.launcher.agentgateway.mcp.tool;

import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.workitem.WorkItems;

/** {@code add_comment}: a Markdown comment on a card, once per idempotency key. */
final class AddCommentTool extends DescribedTool {

	private final WorkItems workItems;

	AddCommentTool(WorkItems workItems) {
		super("add_comment");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		return WorkItemViews.commented(this.workItems.addComment(request.grant(), request.principal(),
				request.arguments().workItemRef("work_item_id"), request.arguments().requiredString("body"),
				request.key()), request);
	}

}
