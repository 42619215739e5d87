package com.launcher.agentgateway.mcp.tool;

import java.util.Locale;
import java.util.Objects;

import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.workitem.PostedComment;
import com.launcher.agentgateway.workitem.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code report_progress}: the agent's status on a card, posted as a clearly marked
 * comment and kept as its latest report so owners and admins see which agents report and
 * when.
 */
final class ReportProgressTool extends DescribedTool {

	private static final Logger logger = LoggerFactory.getLogger(ReportProgressTool.class);

	private final WorkItems workItems;

	private final AgentService agents;

	private final FailureNames failures;

	ReportProgressTool(WorkItems workItems, AgentService agents, FailureNames failures) {
		super("report_progress");
		this.workItems = workItems;
		this.agents = agents;
		this.failures = Objects.requireNonNull(failures, "failures");
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
		String workItem = (result.card().readableId() != null) ? result.card().readableId()
				: posted.card().id().toString();
		try {
			this.agents.recordReport(request.principal().agentId(), status, summary, workItem);
		}
		catch (RuntimeException ex) {
			// The comment is in Tasker already: failing now would leave the key unknown
			// and tempt a retry under a new key into a duplicate (issue 12, point 5). The
			// latest report is a convenience for the owner's page; losing one is logged.
			logger.warn("Comment posted but the latest report of agent {} was not recorded: {}",
					request.principal().agentId(), this.failures.of(ex));
		}
		result.structured().put("status", status);
		return result;
	}

}
