package com.launcher.agentgateway.mcp.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

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
 * opaque cursor bound to the project and the filters. Compact unless the description is
 * asked for (issue 15, point 2).
 */
final class ListWorkItemsTool extends DescribedTool {

	/** The state groups of cards nobody has finished with. */
	private static final List<String> OPEN_GROUPS = List.of("backlog", "unstarted", "started", "triage");

	private final WorkItems workItems;

	ListWorkItemsTool(WorkItems workItems) {
		super("list_work_items");
		this.workItems = workItems;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		ToolArguments args = request.arguments();
		ProjectNames names = new ProjectNames(this.workItems, request.grant());
		String assignee = args.string("assignee_id");
		UUID assigneeId = "me".equals(assignee) ? names.owner(request.principal()) : args.uuid("assignee_id");
		Set<UUID> open = args.flag("open") ? Set.copyOf(names.statesIn(OPEN_GROUPS)) : null;
		List<UUID> labels = (args.string("label") != null) ? names.labels(List.of(args.string("label")), "label")
				: null;
		WorkItemFilter filter = new WorkItemFilter(names.state(args.string("state"), "state"), assigneeId,
				(labels != null) ? labels.get(0) : null, args.string("text"), args.dateTime("updated_since"), open);
		String binding = request.grant().projectId() + ":" + hash(filter);
		String cursor = ToolCursors.decode(args.string("cursor"), "w1", binding,
				"belongs to another project or other filters");
		int limit = (args.integer("limit") != null) ? args.integer("limit") : 25;
		boolean descriptions = args.strings("include") != null && args.strings("include").contains("description");
		Page<WorkItem> page = this.workItems.list(request.grant(), filter, new Page.Request(cursor, limit));
		return WorkItemViews.page("work_items", page.items().stream().map((item) -> {
			Map<String, Object> view = WorkItemViews.summary(item, request.grant(), request.principal().agentId(),
					names);
			if (descriptions) {
				view.put("description", WorkItemViews.description(item, request.principal().agentId()));
			}
			return view;
		}).toList(), page.nextCursor().map((next) -> ToolCursors.encode("w1", binding, next)).orElse(null),
				page.asOf());
	}

	/** A short digest of the filters, so a cursor cannot be reused with others. */
	private static String hash(WorkItemFilter filter) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("state", WorkItemViews.string(filter.stateId()));
		values.put("assignee", WorkItemViews.string(filter.assigneeId()));
		values.put("label", WorkItemViews.string(filter.labelId()));
		values.put("text", filter.text());
		values.put("since", (filter.updatedSince() != null) ? filter.updatedSince().toInstant().toString() : null);
		values.put("open", (filter.stateIn() != null) ? new TreeSet<>(filter.stateIn()).toString() : null);
		return Fingerprint.of("list_work_items", values, List.of()).toString().substring(0, 16);
	}

}
