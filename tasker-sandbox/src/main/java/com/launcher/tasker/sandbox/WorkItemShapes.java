package com.launcher.tasker.sandbox;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.tasker.sandbox.SandboxModel.Comment;
import com.launcher.tasker.sandbox.SandboxModel.Item;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's work items and their comments (plane-api.md §4) rendered from the sandbox's
 * rows: the API's {@code IssueSerializer} and {@code IssueCommentSerializer} with their
 * {@code fields=} and {@code expand=} handling, the worker's
 * {@code IssueExpandSerializer} for the issue of webhook payloads, and the web app's
 * {@code IssueDetailSerializer} that its change tracking compares against. What
 * {@code expand=} nests is rendered by {@link PlaneShapes}. Callers hold the store's
 * lock.
 */
final class WorkItemShapes {

	private final SandboxStore store;

	private final PlaneShapes shapes;

	WorkItemShapes(SandboxStore store, PlaneShapes shapes) {
		this.store = store;
		this.shapes = shapes;
	}

	// ---- the API serializers

	ObjectNode item(Item item, ZoneId zone) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", item.id.toString());
		node.put("created_at", Json.datetime(item.createdAt, zone));
		node.put("updated_at", Json.datetime(item.updatedAt, zone));
		node.put("deleted_at", Json.datetime(item.deletedAt, zone));
		node.put("created_by", text(item.createdBy));
		node.put("updated_by", text(item.updatedBy));
		node.put("project", item.project.id.toString());
		node.put("workspace", this.store.workspaceId.toString());
		node.put("parent", text(item.parent));
		node.put("state", (item.state != null) ? item.state.id.toString() : null);
		node.putNull("point");
		node.putNull("estimate_point");
		node.put("name", item.name);
		node.put("description_html", item.descriptionHtml);
		node.putNull("description_binary");
		node.put("priority", item.priority);
		node.put("start_date", (item.startDate != null) ? item.startDate.toString() : null);
		node.put("target_date", (item.targetDate != null) ? item.targetDate.toString() : null);
		node.put("sequence_id", item.sequenceId);
		node.put("sort_order", item.sortOrder);
		node.put("completed_at", Json.datetime(item.completedAt, zone));
		node.put("archived_at", (item.archivedAt != null) ? item.archivedAt.toLocalDate().toString() : null);
		node.put("is_draft", item.isDraft);
		node.put("external_source", item.externalSource);
		node.put("external_id", item.externalId);
		node.putNull("type");
		node.putNull("type_id");
		ArrayNode assignees = node.putArray("assignees");
		item.assignees.forEach((id) -> assignees.add(id.toString()));
		ArrayNode labels = node.putArray("labels");
		item.labels.forEach((id) -> labels.add(id.toString()));
		return node;
	}

	/**
	 * An item as the API's list and detail views render it for this request's
	 * {@code fields=} and {@code expand=} (plane-api.md §2).
	 */
	ObjectNode item(Item item, ZoneId zone, Selection selection) {
		ObjectNode node = item(item, zone);
		selection.keep(node);
		for (String name : selection.expand()) {
			if (!node.has(name)) {
				// Plane expands only fields the serializer still has after fields=.
				continue;
			}
			switch (name) {
				case "state" -> node.set(name, (item.state != null) ? this.shapes.stateLite(item.state) : null);
				case "assignees" -> node.set(name, this.shapes.users(item.assignees));
				case "labels" -> {
					ArrayNode labels = Json.MAPPER.createArrayNode();
					item.labels.forEach((id) -> labels.add(this.shapes.label(this.store.labels.get(id), zone)));
					node.set(name, labels);
				}
				case "created_by" -> node.set(name, this.shapes.user(item.createdBy));
				case "updated_by" -> node.set(name, this.shapes.user(item.updatedBy));
				case "parent" -> node.set(name, this.shapes.issueLite(item.parent));
				case "project" -> node.set(name, this.shapes.projectLite(item.project));
				case "workspace" -> node.set(name, this.shapes.workspaceLite());
				// Any other name becomes getattr(instance, "<name>_id"), which these rows
				// do not have: Plane answers None.
				default -> node.putNull(name);
			}
		}
		return node;
	}

	ObjectNode comment(Comment comment, ZoneId zone, boolean withIsMember) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", comment.id.toString());
		if (withIsMember) {
			node.put("is_member", comment.item.project.isActiveMember(comment.actor));
		}
		node.put("created_at", Json.datetime(comment.createdAt, zone));
		node.put("updated_at", Json.datetime(comment.updatedAt, zone));
		node.putNull("deleted_at");
		node.put("comment_html", comment.commentHtml);
		node.putArray("attachments");
		node.put("access", comment.access);
		node.put("external_source", comment.externalSource);
		node.put("external_id", comment.externalId);
		node.put("edited_at", Json.datetime(comment.editedAt, zone));
		node.put("created_by", text(comment.createdBy));
		node.put("updated_by", text(comment.updatedBy));
		node.put("project", comment.item.project.id.toString());
		node.put("workspace", this.store.workspaceId.toString());
		node.put("issue", comment.item.id.toString());
		node.put("actor", comment.actor.toString());
		node.putNull("description");
		node.putNull("parent");
		return node;
	}

	ObjectNode comment(Comment comment, ZoneId zone, Selection selection) {
		ObjectNode node = comment(comment, zone, true);
		selection.keep(node);
		for (String name : selection.expand()) {
			if (!node.has(name)) {
				continue;
			}
			switch (name) {
				case "actor" -> node.set(name, this.shapes.user(comment.actor));
				case "created_by" -> node.set(name, this.shapes.user(comment.createdBy));
				case "updated_by" -> node.set(name, this.shapes.user(comment.updatedBy));
				case "issue" -> node.set(name, item(comment.item, zone));
				case "project" -> node.set(name, this.shapes.projectLite(comment.item.project));
				case "workspace" -> node.set(name, this.shapes.workspaceLite());
				default -> node.putNull(name);
			}
		}
		return node;
	}

	// ---- webhook payloads and the web app's change tracking

	/**
	 * The issue of a webhook's {@code data}: Plane's expanded serializer with labels and
	 * assignees as objects, the state as an object and {@code description} as editor
	 * JSON, rendered in UTC by the worker (plane-api.md §7).
	 */
	ObjectNode issueForWebhook(Item item) {
		ObjectNode node = item(item, ZoneOffset.UTC);
		ArrayNode labels = Json.MAPPER.createArrayNode();
		item.labels.forEach((id) -> labels.add(PlaneShapes.labelLite(this.store.labels.get(id))));
		node.set("labels", labels);
		node.set("assignees", this.shapes.users(item.assignees));
		node.set("state", (item.state != null) ? this.shapes.stateLite(item.state) : null);
		node.remove("type_id");
		node.putNull("cycle");
		node.putNull("module");
		node.putObject("description");
		node.put("description_stripped", stripped(item.descriptionHtml));
		return node;
	}

	/**
	 * The fields a web-app edit sends, as the web app's detail serializer names them
	 * ({@code state_id}, {@code label_ids}, {@code assignee_ids}, {@code parent_id}): the
	 * "current instance" an edit is compared against, field by field, to make its
	 * webhooks. Plane's serializer has more fields; only these can be requested.
	 */
	ObjectNode issueForWebApp(Item item) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("name", item.name);
		node.put("description_html", item.descriptionHtml);
		node.put("priority", item.priority);
		node.put("state_id", (item.state != null) ? item.state.id.toString() : null);
		ArrayNode labels = node.putArray("label_ids");
		item.labels.forEach((id) -> labels.add(id.toString()));
		ArrayNode assignees = node.putArray("assignee_ids");
		item.assignees.forEach((id) -> assignees.add(id.toString()));
		node.put("parent_id", text(item.parent));
		node.put("start_date", (item.startDate != null) ? item.startDate.toString() : null);
		node.put("target_date", (item.targetDate != null) ? item.targetDate.toString() : null);
		return node;
	}

	private static String text(UUID id) {
		return (id != null) ? id.toString() : null;
	}

	private static String stripped(String html) {
		return (html != null) ? html.replaceAll("<[^>]*>", "").strip() : null;
	}

	/**
	 * A request's {@code fields=} and {@code expand=} lists (plane-api.md §2): empty
	 * names are skipped; unknown names are ignored, as Plane ignores them.
	 *
	 * @param fields the keys to keep, all when empty
	 * @param expand the keys to expand
	 */
	record Selection(List<String> fields, List<String> expand) {

		static final Selection ALL = new Selection(List.of(), List.of());

		static Selection of(Map<String, String> query) {
			return new Selection(names(query.get("fields")), names(query.get("expand")));
		}

		private static List<String> names(String text) {
			if (text == null) {
				return List.of();
			}
			return Arrays.stream(text.split(",")).filter((name) -> !name.isEmpty()).toList();
		}

		void keep(ObjectNode node) {
			if (!this.fields.isEmpty()) {
				node.retain(this.fields);
			}
		}

	}

}