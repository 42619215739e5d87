package com.launcher.agentgateway.mcp.tool;

import java.util.Locale;

import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.workitem.PostedComment;
import com.launcher.agentgateway.workitem.WorkItems;

/**
 * {@code report_progress}: the agent's status on a card, posted as a clearly marked
 * comment and kept as its latest report so owners and admins see which agents report and
 * when.
 */
final class ReportProgressTool extends DescribedTool {

	private final WorkItems workItems;

	private final AgentService agents;

	ReportProgressTool(WorkItems workItems, AgentService agents) {
		super("report_progress");
		this.workItems = workItems;
		this.agents = agents;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		String status = request.arguments().requiredString("status").toLowerCase(Locale.ROOT);
		String summary = request.arguments().requiredString("summary");
		String markdown = "**Agent progress: " + status.toUpperCase(Locale.ROOT) + "**\n\n" + summary;
		PostedComment posted = this.workItems.addComment(request.grant(), request.principal(),
				request.arguments().workItemRef("work_item_id"), markdown, request.key());
		ToolResult result = WorkItemViews.commented(posted, request);
		// Owners read the report on their pages: name the card as people do (WEB-12).
		this.agents.recordReport(request.principal().agentId(), status, summary,
				(result.card().readableId() != null) ? result.card().readableId() : posted.card().id().toString());
		result.structured().put("status", status);
		return result;
	}

}
