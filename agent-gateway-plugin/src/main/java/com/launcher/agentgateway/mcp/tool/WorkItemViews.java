package com.launcher.agentgateway.mcp.tool;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.tasker.Attribution;
import com.launcher.agentgateway.tasker.UntrustedContent;
import com.launcher.agentgateway.tasker.UntrustedText;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerWorkItem;

/**
 * How Tasker records look in tool results: ids and facts as plain values, every
 * Tasker-authored text inside an untrusted envelope.
 */
final class WorkItemViews {

	static final String ENVELOPE_SCHEMA = """
			{"type":"object","properties":{"untrusted":{"const":true},"author_id":{"type":["string","null"]},\
			"author_is_this_agent":{"type":"boolean"},"text":{"type":"string"}},\
			"required":["untrusted","text"]}""";

	static final String WORK_ITEM_SCHEMA = """
			{"type":"object","properties":{"work_item_id":{"type":"string"},"identifier":{"type":["string","null"]},\
			"project_id":{"type":"string"},"title":%1$s,"description":%1$s,"state_id":{"type":["string","null"]},\
			"priority":{"type":"string"},"assignee_ids":{"type":"array","items":{"type":"string"}},\
			"label_ids":{"type":"array","items":{"type":"string"}},"parent_id":{"type":["string","null"]},\
			"start_date":{"type":["string","null"]},"target_date":{"type":["string","null"]},\
			"created_at":{"type":["string","null"]},"updated_at":{"type":["string","null"]},\
			"completed_at":{"type":["string","null"]},"created_by_this_agent":{"type":"boolean"}},\
			"required":["work_item_id","project_id","title"]}""".formatted(ENVELOPE_SCHEMA);

	private WorkItemViews() {
	}

	static Map<String, Object> full(TaskerWorkItem item, Grant grant, UUID agentId) {
		Map<String, Object> view = summary(item, grant, agentId);
		boolean byAgent = Attribution.isByAgent(item.externalSource(), item.externalId(), agentId);
		view.put("description", UntrustedText.fromHtml(item.descriptionHtml(), item.createdBy(), byAgent).toMap());
		view.put("parent_id", string(item.parentId()));
		view.put("start_date", string(item.startDate()));
		view.put("target_date", string(item.targetDate()));
		view.put("created_at", string(item.createdAt()));
		view.put("completed_at", string(item.completedAt()));
		view.put("created_by_this_agent", byAgent);
		return view;
	}

	static Map<String, Object> summary(TaskerWorkItem item, Grant grant, UUID agentId) {
		boolean byAgent = Attribution.isByAgent(item.externalSource(), item.externalId(), agentId);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("work_item_id", item.id().toString());
		view.put("identifier",
				(grant.projectIdentifier() != null) ? grant.projectIdentifier() + "-" + item.sequenceId() : null);
		view.put("project_id", item.projectId().toString());
		view.put("title", new UntrustedText(item.name(), item.createdBy(), byAgent).toMap());
		view.put("state_id", string(item.stateId()));
		view.put("priority", item.priority().planeValue());
		view.put("assignee_ids", item.assigneeIds().stream().map(UUID::toString).toList());
		view.put("label_ids", item.labelIds().stream().map(UUID::toString).toList());
		view.put("updated_at", string(item.updatedAt()));
		return view;
	}

	static Map<String, Object> comment(TaskerComment comment, UUID agentId) {
		boolean byAgent = Attribution.isByAgent(comment.externalSource(), comment.externalId(), agentId);
		UUID author = (comment.createdBy() != null) ? comment.createdBy() : comment.actorId();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("comment_id", comment.id().toString());
		view.put("work_item_id", comment.workItemId().toString());
		view.put("body", UntrustedText.fromHtml(comment.commentHtml(), author, byAgent).toMap());
		view.put("created_at", string(comment.createdAt()));
		return view;
	}

	static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

	static String sanitizedName(String name) {
		return UntrustedContent.sanitize(name);
	}

	/**
	 * An opaque cursor: our own fields, base64url-encoded, bound to what it pages.
	 * @param parts the fields
	 * @return the cursor
	 */
	static String encodeCursor(List<String> parts) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join("|", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	static List<String> decodeCursor(String cursor, String kind, int fields) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
			List<String> parts = List.of(text.split("\\|", -1));
			if (parts.size() != fields || !parts.get(0).equals(kind)) {
				throw GatewayException.invalid("cursor", "is not a cursor of this list");
			}
			return parts;
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid("cursor", "is not a cursor of this list");
		}
	}

	/**
	 * Tasker cursors are short tokens such as {@code 100:1:0}; anything else is refused.
	 */
	static String taskerCursor(String value) {
		if (value.isEmpty()) {
			return null;
		}
		if (value.length() > 100 || !value.matches("[A-Za-z0-9:_=.-]+")) {
			throw GatewayException.invalid("cursor", "is not a cursor of this list");
		}
		return value;
	}

}
