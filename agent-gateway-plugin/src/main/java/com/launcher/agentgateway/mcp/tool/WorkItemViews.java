package com.launcher.agentgateway.mcp.tool;

import java.time.Instant;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.workitem.Comment;
import com.launcher.agentgateway.workitem.PostedComment;
import com.launcher.agentgateway.workitem.WorkItem;

/**
 * How cards and comments look in tool results, shared by every tool: ids and facts as
 * plain values, every text people wrote inside an envelope marked untrusted, with its
 * provenance (security.md, "Untrusted content").
 */
final class WorkItemViews {

	private WorkItemViews() {
	}

	/** A card with everything an agent reads next: names, description, dates. */
	static Map<String, Object> full(WorkItem item, Grant grant, UUID agentId, ProjectNames names) {
		Map<String, Object> view = summary(item, grant, agentId, names);
		view.put("project_id", item.projectId().toString());
		view.put("description", description(item, agentId));
		view.put("author", names.person(item.createdBy()));
		view.put("parent_id", string(item.parentId()));
		view.put("start_date", string(item.startDate()));
		view.put("target_date", string(item.targetDate()));
		view.put("created_at", string(item.createdAt()));
		view.put("completed_at", string(item.completedAt()));
		view.put("created_by_this_agent", item.writtenBy(agentId));
		return view;
	}

	/**
	 * A card as lists show it: compact, names beside ids so that no second call is needed
	 * to read it (issue 15, point 2).
	 */
	static Map<String, Object> summary(WorkItem item, Grant grant, UUID agentId, ProjectNames names) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("work_item_id", item.id().toString());
		view.put("identifier", item.readableId(grant.projectIdentifier()));
		view.put("title", envelope(item.title(), item.createdBy(), item.writtenBy(agentId)));
		view.put("state", names.stateView(item.stateId()));
		view.put("priority", item.priority().value());
		view.put("labels", names.labelViews(item.labelIds()));
		view.put("assignees", names.people(item.assigneeIds()));
		view.put("updated_at", string(item.updatedAt()));
		return view;
	}

	static Map<String, Object> description(WorkItem item, UUID agentId) {
		return envelope(item.description(), item.createdBy(), item.writtenBy(agentId));
	}

	static Map<String, Object> comment(Comment comment, UUID agentId) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("comment_id", comment.id().toString());
		view.put("work_item_id", comment.workItemId().toString());
		view.put("body", envelope(comment.body(), comment.authorId(), comment.writtenBy(agentId)));
		view.put("created_at", string(comment.createdAt()));
		return view;
	}

	/**
	 * The result of a write that returns the card (create, update): the card, its id and
	 * readable id, and the card for the audit event.
	 */
	static ToolResult written(WorkItem item, ToolRequest request, ProjectNames names) {
		Map<String, Object> view = full(item, request.grant(), request.principal().agentId(), names);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("work_item_id", item.id().toString());
		result.put("identifier", view.get("identifier"));
		result.put("work_item", view);
		return new ToolResult(result, card(item, request));
	}

	/** The result of a write that posted a comment (add, report). */
	static ToolResult commented(PostedComment posted, ToolRequest request) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("comment_id", posted.comment().id().toString());
		result.put("work_item_id", posted.comment().workItemId().toString());
		return new ToolResult(result, card(posted.card(), request));
	}

	/**
	 * A list result: the items under their key and the cursor of the next page, null at
	 * the end.
	 */
	static ToolResult page(String key, List<Map<String, Object>> items, String nextCursor, Optional<Instant> asOf) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put(key, items);
		result.put("next_cursor", nextCursor);
		result.put("as_of", asOf(asOf));
		return ToolResult.of(result);
	}

	/**
	 * When the copy an answer came from was last known current, for the agent to judge
	 * (issue 14, "freshness, honestly"); null when it was read from Tasker now.
	 */
	static String asOf(Optional<Instant> asOf) {
		return asOf.map(Instant::toString).orElse(null);
	}

	/**
	 * A list of things people named in Tasker (states, labels): the names are inert but
	 * still untrusted, and the result says so.
	 */
	static ToolResult named(String key, List<Map<String, Object>> items, Optional<Instant> asOf) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("untrusted_names", true);
		result.put(key, items);
		result.put("as_of", asOf(asOf));
		return ToolResult.of(result);
	}

	/**
	 * The envelope of a text people wrote; the text is made inert again, in case a caller
	 * forgot (it is idempotent).
	 */
	static Map<String, Object> envelope(String text, UUID authorId, boolean authorIsThisAgent) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("untrusted", true);
		envelope.put("author_id", string(authorId));
		envelope.put("author_is_this_agent", authorIsThisAgent);
		envelope.put("text", PlainText.sanitize(text));
		return envelope;
	}

	static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

	private static ToolResult.WrittenCard card(WorkItem item, ToolRequest request) {
		return new ToolResult.WrittenCard(item.id(), item.readableId(request.grant().projectIdentifier()),
				item.title());
	}

}
