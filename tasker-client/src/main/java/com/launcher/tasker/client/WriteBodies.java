package com.launcher.tasker.client;

import java.util.List;
import java.util.UUID;

import com.launcher.host.api.tasker.CommentDraft;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.PatchField;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.host.api.tasker.WorkItemPatch;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds write bodies from the whitelisted fields only. Nothing else can reach Tasker:
 * never {@code archived_at}, {@code deleted_at}, {@code is_draft}, {@code sequence_id},
 * {@code sort_order}, {@code created_by}, {@code created_at}, {@code completed_at},
 * {@code project} or {@code workspace} (plane-api.md §3.3, §9 item 12).
 */
final class WriteBodies {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private WriteBodies() {
	}

	static ObjectNode create(WorkItemDraft draft, ExternalRef ref) {
		ObjectNode body = MAPPER.createObjectNode();
		body.put("name", draft.name());
		if (draft.descriptionHtml() != null) {
			// description_html, not description: Plane ignores the latter (§9 item 3).
			body.put("description_html", draft.descriptionHtml());
		}
		if (draft.priority() != null) {
			body.put("priority", draft.priority().planeValue());
		}
		if (draft.stateId() != null) {
			body.put("state", draft.stateId().toString());
		}
		if (!draft.assigneeIds().isEmpty()) {
			ids(body.putArray("assignees"), draft.assigneeIds());
		}
		if (!draft.labelIds().isEmpty()) {
			ids(body.putArray("labels"), draft.labelIds());
		}
		if (draft.parentId() != null) {
			body.put("parent", draft.parentId().toString());
		}
		if (draft.startDate() != null) {
			body.put("start_date", draft.startDate().toString());
		}
		if (draft.targetDate() != null) {
			body.put("target_date", draft.targetDate().toString());
		}
		body.put("external_source", ref.source());
		body.put("external_id", ref.id());
		return body;
	}

	static ObjectNode patch(WorkItemPatch patch) {
		ObjectNode body = MAPPER.createObjectNode();
		text(body, "name", patch.name());
		if (patch.descriptionHtml().isPresent()) {
			body.put("description_html", patch.descriptionHtml().value().orElse("<p></p>"));
		}
		patch.priority().value().ifPresent((priority) -> body.put("priority", priority.planeValue()));
		patch.stateId().value().ifPresent((state) -> body.put("state", state.toString()));
		// assignees and labels replace the whole set; [] clears it (plane-api.md W2).
		patch.assigneeIds().value().ifPresent((list) -> ids(body.putArray("assignees"), list));
		patch.labelIds().value().ifPresent((list) -> ids(body.putArray("labels"), list));
		nullable(body, "parent", patch.parentId());
		nullable(body, "start_date", patch.startDate());
		nullable(body, "target_date", patch.targetDate());
		return body;
	}

	static ObjectNode comment(CommentDraft draft, ExternalRef ref) {
		ObjectNode body = MAPPER.createObjectNode();
		body.put("comment_html", draft.commentHtml());
		body.put("external_source", ref.source());
		body.put("external_id", ref.id());
		return body;
	}

	private static void text(ObjectNode body, String name, PatchField<String> field) {
		field.value().ifPresent((value) -> body.put(name, value));
	}

	private static void nullable(ObjectNode body, String name, PatchField<?> field) {
		if (field.isPresent()) {
			if (field.isCleared()) {
				body.putNull(name);
			}
			else {
				body.put(name, field.value().orElseThrow().toString());
			}
		}
	}

	private static void ids(ArrayNode array, List<UUID> ids) {
		ids.forEach((id) -> array.add(id.toString()));
	}

}
