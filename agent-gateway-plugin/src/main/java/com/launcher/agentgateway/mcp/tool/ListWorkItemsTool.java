package com.launcher.agentgateway.mcp.tool;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.idempotency.Fingerprint;
import com.launcher.agentgateway.tasker.TaskerGateway;
import com.launcher.agentgateway.tasker.UntrustedContent;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerWorkItem;

/**
 * {@code list_work_items}: one project's cards, filtered by the gateway because Tasker's
 * API filters nothing (plane-api.md R9, quirk 5), in pages of at most 100 with an opaque
 * cursor. One call reads at most {@value #MAX_TASKER_PAGES} Tasker pages, so a sparse
 * filter cannot spend Tasker's shared rate budget in one go.
 */
public class ListWorkItemsTool implements McpTool {

	static final int MAX_TASKER_PAGES = 5;

	private static final int TASKER_PAGE_SIZE = 100;

	private final TaskerGateway tasker;

	public ListWorkItemsTool(TaskerGateway tasker) {
		this.tasker = tasker;
	}

	@Override
	public String name() {
		return "list_work_items";
	}

	@Override
	public String title() {
		return "List work items";
	}

	@Override
	public String description() {
		return "Lists work items (cards) of one granted project, newest first, optionally filtered by state_id,"
				+ " assignee_id, label_id, text (case-insensitive, in title or description) and updated_since."
				+ " Returns at most limit items (1-100, default 25) and next_cursor; pass next_cursor back with the"
				+ " same filters to continue. next_cursor is null at the end." + UNTRUSTED;
	}

	@Override
	public String inputSchema() {
		return """
				{"type":"object","properties":{"project_id":%1$s,\
				"state_id":{"type":"string","pattern":"%2$s"},\
				"assignee_id":{"type":"string","pattern":"%2$s"},\
				"label_id":{"type":"string","pattern":"%2$s"},\
				"text":{"type":"string","minLength":1,"maxLength":200},\
				"updated_since":{"type":"string","format":"date-time","maxLength":40},\
				"limit":{"type":"integer","minimum":1,"maximum":100},\
				"cursor":{"type":"string","maxLength":400,"pattern":"^[A-Za-z0-9_-]+$"}},\
				"required":["project_id"],"additionalProperties":false}""".formatted(PROJECT_ID_SCHEMA, UUID_PATTERN);
	}

	@Override
	public String outputSchema() {
		return """
				{"type":"object","properties":{"work_items":{"type":"array","items":{"type":"object"}},\
				"next_cursor":{"type":["string","null"]}},"required":["work_items","next_cursor"]}""";
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
		Filter filter = new Filter(args.uuid("state_id"), args.uuid("assignee_id"), args.uuid("label_id"),
				(args.string("text") != null) ? args.string("text").toLowerCase(Locale.ROOT) : null,
				args.dateTime("updated_since"));
		int limit = (args.integer("limit") != null) ? args.integer("limit") : 25;
		String binding = request.grant().projectId() + ":" + filter.hash();
		String taskerCursor = null;
		int skip = 0;
		if (args.string("cursor") != null) {
			List<String> parts = WorkItemViews.decodeCursor(args.string("cursor"), "w1", 4);
			if (!parts.get(1).equals(binding)) {
				throw com.launcher.agentgateway.core.GatewayException.invalid("cursor",
						"belongs to another project or other filters");
			}
			taskerCursor = WorkItemViews.taskerCursor(parts.get(2));
			skip = parseSkip(parts.get(3));
		}
		List<Map<String, Object>> items = new ArrayList<>();
		String next = null;
		PageRequest page = new PageRequest(taskerCursor, TASKER_PAGE_SIZE);
		for (int read = 1;; read++) {
			TaskerPage<TaskerWorkItem> result = this.tasker.workItems(request.grant(), page);
			List<TaskerWorkItem> rows = result.items();
			for (int i = skip; i < rows.size() && next == null; i++) {
				if (filter.matches(rows.get(i))) {
					items.add(WorkItemViews.summary(rows.get(i), request.grant(), request.principal().agentId()));
					if (items.size() == limit && (i + 1 < rows.size() || result.hasNext())) {
						next = (i + 1 < rows.size()) ? cursor(binding, page.cursor(), i + 1)
								: cursor(binding, result.nextCursor().get(), 0);
					}
				}
			}
			skip = 0;
			if (next != null || !result.hasNext()) {
				break;
			}
			if (read >= MAX_TASKER_PAGES) {
				next = cursor(binding, result.nextCursor().get(), 0);
				break;
			}
			page = page.next(result.nextCursor().get());
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("work_items", items);
		out.put("next_cursor", next);
		return out;
	}

	private static String cursor(String binding, String taskerCursor, int skip) {
		return WorkItemViews
			.encodeCursor(List.of("w1", binding, (taskerCursor != null) ? taskerCursor : "", Integer.toString(skip)));
	}

	private static int parseSkip(String value) {
		try {
			int skip = Integer.parseInt(value);
			if (skip < 0 || skip > TASKER_PAGE_SIZE) {
				throw new NumberFormatException();
			}
			return skip;
		}
		catch (NumberFormatException ex) {
			throw com.launcher.agentgateway.core.GatewayException.invalid("cursor", "is not a cursor of this list");
		}
	}

	/** The gateway-side filters. */
	record Filter(UUID stateId, UUID assigneeId, UUID labelId, String text, OffsetDateTime updatedSince) {

		boolean matches(TaskerWorkItem item) {
			if (this.stateId != null && !this.stateId.equals(item.stateId())) {
				return false;
			}
			if (this.assigneeId != null && !item.assigneeIds().contains(this.assigneeId)) {
				return false;
			}
			if (this.labelId != null && !item.labelIds().contains(this.labelId)) {
				return false;
			}
			if (this.updatedSince != null && (item.updatedAt() == null
					|| item.updatedAt().toInstant().isBefore(this.updatedSince.toInstant()))) {
				return false;
			}
			if (this.text != null) {
				String haystack = (UntrustedContent.sanitize(item.name()) + "\n"
						+ UntrustedContent.fromHtml(item.descriptionHtml()))
					.toLowerCase(Locale.ROOT);
				return haystack.contains(this.text);
			}
			return true;
		}

		String hash() {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("state", WorkItemViews.string(this.stateId));
			values.put("assignee", WorkItemViews.string(this.assigneeId));
			values.put("label", WorkItemViews.string(this.labelId));
			values.put("text", this.text);
			values.put("since", (this.updatedSince != null) ? this.updatedSince.toInstant().toString() : null);
			return Fingerprint.of("list_work_items", values, List.of()).toString().substring(0, 16);
		}

	}

}
