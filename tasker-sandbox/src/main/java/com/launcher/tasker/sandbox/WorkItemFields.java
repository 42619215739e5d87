package com.launcher.tasker.sandbox;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.launcher.tasker.sandbox.SandboxModel.Item;
import com.launcher.tasker.sandbox.SandboxModel.Member;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.State;
import com.launcher.tasker.sandbox.SandboxModel.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writable fields of Plane's work-item serializer, with its validation messages.
 */
final class WorkItemFields {

	private static final Set<String> PRIORITIES = Set.of("urgent", "high", "medium", "low", "none");

	private final SandboxStore store;

	WorkItemFields(SandboxStore store) {
		this.store = store;
	}

	static Item copyForValidation(Item item) {
		Item copy = new Item(item.project, item.order);
		copy.name = item.name;
		copy.state = item.state;
		copy.startDate = item.startDate;
		copy.targetDate = item.targetDate;
		copy.externalId = item.externalId;
		copy.externalSource = item.externalSource;
		return copy;
	}

	/**
	 * Applies the serializer's writable fields, including the dangerous ones Plane
	 * accepts (plane-api.md §3.3), so tests can prove a client never sends them. Unknown
	 * keys are ignored.
	 */
	void apply(Item item, ObjectNode body, Map<String, Object> errors, User user) {
		Project project = item.project;
		if (body.has("name")) {
			JsonNode name = body.get("name");
			if (name.isNull() || !name.isString() || name.stringValue().isBlank()) {
				errors.put("name",
						List.of(name.isNull() ? "This field may not be null." : "This field may not be blank."));
			}
			else if (name.stringValue().length() > 255) {
				errors.put("name", List.of("Ensure this field has no more than 255 characters."));
			}
			else {
				item.name = name.stringValue();
			}
		}
		if (body.has("description_html")) {
			String html = Json.text(body.get("description_html"));
			item.descriptionHtml = (html != null) ? html : "<p></p>";
		}
		if (body.has("priority")) {
			String priority = Json.text(body.get("priority"));
			if (priority == null || !PRIORITIES.contains(priority)) {
				errors.put("priority", List.of("\"" + body.get("priority").asString("") + "\" is not a valid choice."));
			}
			else {
				item.priority = priority;
			}
		}
		if (body.has("state")) {
			String text = Json.text(body.get("state"));
			State state = (text != null && PlaneRouter.isUuid(text)) ? this.store.states.get(UUID.fromString(text))
					: null;
			if (state == null) {
				errors.put("state", List.of("Invalid pk \"" + text + "\" - object does not exist."));
			}
			else if (state.project != project) {
				errors.put("non_field_errors", List.of("State is not valid please pass a valid state_id"));
			}
			else {
				item.state = state;
			}
		}
		if (body.has("parent")) {
			JsonNode parent = body.get("parent");
			if (parent.isNull()) {
				item.parent = null;
			}
			else {
				String text = Json.text(parent);
				Item found = (text != null && PlaneRouter.isUuid(text)) ? this.store.items.get(UUID.fromString(text))
						: null;
				if (found == null || found.deletedAt != null) {
					errors.put("parent", List.of("Invalid pk \"" + text + "\" - object does not exist."));
				}
				else if (found.project != project) {
					errors.put("non_field_errors",
							List.of("Parent is not valid issue_id please pass a valid issue_id"));
				}
				else {
					item.parent = found.id;
				}
			}
		}
		if (body.has("assignees")) {
			List<UUID> ids = uuidList(body.get("assignees"), "assignees", errors,
					(id) -> this.store.users.containsKey(id));
			if (ids != null) {
				// plane-api.md §3.1: only active members with role >= 15 are kept; others
				// vanish silently.
				item.assignees = new ArrayList<>(ids.stream().filter((id) -> {
					Member member = project.member(id);
					return member != null && member.active && member.role >= 15;
				}).distinct().toList());
			}
		}
		if (body.has("labels")) {
			List<UUID> ids = uuidList(body.get("labels"), "labels", errors, (id) -> this.store.labels.containsKey(id));
			if (ids != null) {
				item.labels = new ArrayList<>(
						ids.stream().filter((id) -> this.store.labels.get(id).project == project).distinct().toList());
			}
		}
		item.startDate = dateField(body, "start_date", item.startDate, errors);
		item.targetDate = dateField(body, "target_date", item.targetDate, errors);
		if (item.startDate != null && item.targetDate != null && item.startDate.isAfter(item.targetDate)) {
			errors.put("non_field_errors", List.of("Start date cannot exceed target date"));
		}
		if (body.has("external_id")) {
			item.externalId = Json.text(body.get("external_id"));
		}
		if (body.has("external_source")) {
			item.externalSource = Json.text(body.get("external_source"));
		}
		if (body.has("archived_at")) {
			String text = Json.text(body.get("archived_at"));
			// archived_at is a date field in Plane; any non-null value archives the item.
			item.archivedAt = (text == null) ? null
					: RequestBodies.datetimeOr(body.get("archived_at"), OffsetDateTime.now(), user.timezone);
		}
		if (body.has("deleted_at")) {
			String text = Json.text(body.get("deleted_at"));
			item.deletedAt = (text == null) ? null
					: RequestBodies.datetimeOr(body.get("deleted_at"), OffsetDateTime.now(), user.timezone);
		}
		if (body.has("is_draft")) {
			item.isDraft = body.get("is_draft").asBoolean(false);
		}
		if (body.has("sequence_id") && body.get("sequence_id").isIntegralNumber()) {
			item.sequenceId = body.get("sequence_id").longValue();
		}
		if (body.has("sort_order") && body.get("sort_order").isNumber()) {
			item.sortOrder = body.get("sort_order").doubleValue();
		}
	}

	private static List<UUID> uuidList(JsonNode node, String field, Map<String, Object> errors,
			Function<UUID, Boolean> exists) {
		if (!node.isArray()) {
			errors.put(field, List.of("Expected a list of items but got type \"" + node.getNodeType() + "\"."));
			return null;
		}
		List<UUID> ids = new ArrayList<>();
		Map<String, Object> itemErrors = new LinkedHashMap<>();
		int index = 0;
		for (JsonNode element : node.values()) {
			String text = Json.text(element);
			if (text == null || !PlaneRouter.isUuid(text) || !exists.apply(UUID.fromString(text))) {
				itemErrors.put(Integer.toString(index),
						List.of("Invalid pk \"" + text + "\" - object does not exist."));
			}
			else {
				ids.add(UUID.fromString(text));
			}
			index++;
		}
		if (!itemErrors.isEmpty()) {
			errors.put(field, itemErrors);
			return null;
		}
		return ids;
	}

	private static LocalDate dateField(ObjectNode body, String field, LocalDate current, Map<String, Object> errors) {
		if (!body.has(field)) {
			return current;
		}
		JsonNode node = body.get(field);
		if (node.isNull()) {
			return null;
		}
		try {
			return LocalDate.parse(node.asString(""));
		}
		catch (DateTimeParseException ex) {
			errors.put(field, List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
			return current;
		}
	}

}
