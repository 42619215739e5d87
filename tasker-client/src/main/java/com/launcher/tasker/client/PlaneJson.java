package com.launcher.tasker.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.host.api.tasker.ProjectRole;
import com.launcher.host.api.tasker.StateGroup;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerLabel;
import com.launcher.host.api.tasker.TaskerProject;
import com.launcher.host.api.tasker.TaskerState;
import com.launcher.host.api.tasker.TaskerUser;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemPriority;
import tools.jackson.databind.JsonNode;

/**
 * Reads Plane's resource shapes (plane-api.md §4) into the contract's records. Datetimes
 * carry the agent user's offset (§2), so they are parsed as offset datetimes.
 */
final class PlaneJson {

	private PlaneJson() {
	}

	static TaskerProject project(JsonNode node) {
		Optional<ProjectRole> role = node.path("member_role").isIntegralNumber()
				? ProjectRole.fromPlaneValue(node.get("member_role").intValue()) : Optional.empty();
		boolean member = node.path("is_member").asBoolean(false);
		return new TaskerProject(requiredUuid(node, "id"), text(node, "identifier"), orEmpty(text(node, "name")),
				member, member ? role : Optional.empty(), text(node, "archived_at") != null);
	}

	static TaskerState state(JsonNode node) {
		StateGroup group;
		try {
			group = StateGroup.fromPlaneValue(orEmpty(text(node, "group")));
		}
		catch (IllegalArgumentException ex) {
			group = StateGroup.BACKLOG;
		}
		return new TaskerState(requiredUuid(node, "id"), orEmpty(text(node, "name")), group, text(node, "color"),
				node.path("default").asBoolean(false));
	}

	static TaskerLabel label(JsonNode node) {
		return new TaskerLabel(requiredUuid(node, "id"), orEmpty(text(node, "name")), text(node, "color"));
	}

	static TaskerUser user(JsonNode node) {
		return new TaskerUser(requiredUuid(node, "id"), text(node, "email"), text(node, "display_name"));
	}

	static TaskerWorkItem workItem(JsonNode node) {
		WorkItemPriority priority;
		try {
			priority = WorkItemPriority.fromPlaneValue(text(node, "priority"));
		}
		catch (IllegalArgumentException ex) {
			priority = WorkItemPriority.NONE;
		}
		return new TaskerWorkItem(requiredUuid(node, "id"), requiredUuid(node, "project"),
				node.path("sequence_id").asLong(0), orEmpty(text(node, "name")), text(node, "description_html"),
				priority, uuid(node, "state"), uuids(node.get("assignees")), uuids(node.get("labels")),
				uuid(node, "parent"), date(node, "start_date"), date(node, "target_date"),
				text(node, "external_source"), text(node, "external_id"), uuid(node, "created_by"),
				datetime(node, "created_at"), datetime(node, "updated_at"), datetime(node, "completed_at"));
	}

	static TaskerComment comment(JsonNode node) {
		return new TaskerComment(requiredUuid(node, "id"), requiredUuid(node, "issue"), text(node, "comment_html"),
				uuid(node, "actor"), uuid(node, "created_by"), datetime(node, "created_at"),
				datetime(node, "updated_at"), text(node, "external_source"), text(node, "external_id"));
	}

	private static String text(JsonNode node, String name) {
		return PlaneErrors.text(node.get(name));
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

	private static UUID uuid(JsonNode node, String name) {
		return PlaneErrors.uuid(text(node, name));
	}

	private static UUID requiredUuid(JsonNode node, String name) {
		UUID id = uuid(node, name);
		if (id == null) {
			throw new MalformedResponseException();
		}
		return id;
	}

	private static List<UUID> uuids(JsonNode array) {
		List<UUID> ids = new ArrayList<>();
		if (array != null && array.isArray()) {
			for (JsonNode element : array.values()) {
				UUID id = PlaneErrors.uuid(PlaneErrors.text(element));
				if (id == null && element.isObject()) {
					// An expanded reference (plane-api.md §2, expand=) carries its id
					// inside.
					id = PlaneErrors.uuid(PlaneErrors.text(element.get("id")));
				}
				if (id != null) {
					ids.add(id);
				}
			}
		}
		return ids;
	}

	private static LocalDate date(JsonNode node, String name) {
		String text = text(node, name);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static OffsetDateTime datetime(JsonNode node, String name) {
		String text = text(node, name);
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Tasker answered with a body this client cannot read.
	 */
	static final class MalformedResponseException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		MalformedResponseException() {
			super("Tasker answered with a malformed body", null, false, false);
		}

	}

}
