package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.agentgateway.call.ToolArguments;
import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.idempotency.Fingerprint;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemFilter;
import com.launcher.agentgateway.workitem.WorkItems;

/**
 * {@code list_work_items}: one project's cards, filtered, in pages of at most 100 with an
 * opaque cursor bound to the project and the filters.
 */
final class ListWorkItemsTool extends DescribedTool {

	private final WorkItems workItems;

	ListWorkItemsTool(WorkItems workItems) {
		super("list_work_items");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		ToolArguments args = request.arguments();
		WorkItemFilter filter = new WorkItemFilter(args.uuid("state_id"), args.uuid("assignee_id"),
				args.uuid("label_id"), args.string("text"), args.dateTime("updated_since"));
		String binding = request.grant().projectId() + ":" + hash(filter);
		String cursor = ToolCursors.decode(args.string("cursor"), "w1", binding,
				"belongs to another project or other filters");
		int limit = (args.integer("limit") != null) ? args.integer("limit") : 25;
		Page<WorkItem> page = this.workItems.list(request.grant(), filter, new Page.Request(cursor, limit));
		return WorkItemViews.page("work_items",
				page.items()
					.stream()
					.map((item) -> WorkItemViews.summary(item, request.grant(), request.principal().agentId()))
					.toList(),
				page.nextCursor().map((next) -> ToolCursors.encode("w1", binding, next)).orElse(null), page.asOf());
	}

	/** A short digest of the filters, so a cursor cannot be reused with others. */
	private static String hash(WorkItemFilter filter) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("state", WorkItemViews.string(filter.stateId()));
		values.put("assignee", WorkItemViews.string(filter.assigneeId()));
		values.put("label", WorkItemViews.string(filter.labelId()));
		values.put("text", filter.text());
		values.put("since", (filter.updatedSince() != null) ? filter.updatedSince().toInstant().toString() : null);
		return Fingerprint.of("list_work_items", values, List.of()).toString().substring(0, 16);
	}

}
