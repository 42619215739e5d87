package com.launcher.tasker.sandbox;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.launcher.tasker.sandbox.SandboxModel.Comment;
import com.launcher.tasker.sandbox.SandboxModel.Item;
import com.launcher.tasker.sandbox.SandboxModel.Label;
import com.launcher.tasker.sandbox.SandboxModel.Member;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.State;
import com.launcher.tasker.sandbox.SandboxModel.User;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's resource shapes (plane-api.md §4) rendered from the sandbox's rows: the API's
 * serializers, their {@code fields=} and {@code expand=} handling, the expanded issue of
 * webhook payloads, and the web app's view of an issue that its change tracking compares
 * against. Callers hold the store's lock.
 */
final class PlaneShapes {

	private final SandboxStore store;

	PlaneShapes(SandboxStore store) {
		this.store = store;
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
				case "state" -> node.set(name, (item.state != null) ? stateLite(item.state) : null);
				case "assignees" -> node.set(name, users(item.assignees));
				case "labels" -> {
					ArrayNode labels = Json.MAPPER.createArrayNode();
					item.labels.forEach((id) -> labels.add(label(this.store.labels.get(id), zone)));
					node.set(name, labels);
				}
				case "created_by" -> node.set(name, user(item.createdBy));
				case "updated_by" -> node.set(name, user(item.updatedBy));
				case "parent" -> node.set(name, issueLite(item.parent));
				case "project" -> node.set(name, projectLite(item.project));
				case "workspace" -> node.set(name, workspaceLite());
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
				case "actor" -> node.set(name, user(comment.actor));
				case "created_by" -> node.set(name, user(comment.createdBy));
				case "updated_by" -> node.set(name, user(comment.updatedBy));
				case "issue" -> node.set(name, item(comment.item, zone));
				case "project" -> node.set(name, projectLite(comment.item.project));
				case "workspace" -> node.set(name, workspaceLite());
				default -> node.putNull(name);
			}
		}
		return node;
	}

	static ObjectNode userLite(User user) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", user.id.toString());
		node.put("first_name", user.firstName);
		node.put("last_name", user.lastName);
		node.put("email", user.email);
		node.putNull("avatar");
		node.putNull("avatar_url");
		node.put("display_name", user.displayName);
		return node;
	}

	ObjectNode state(State state) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", state.id.toString());
		node.put("name", state.name);
		node.put("description", "");
		node.put("color", state.color);
		node.put("slug", state.name.toLowerCase(Locale.ROOT).replace(' ', '-'));
		node.put("sequence", state.sequence);
		node.put("group", state.group);
		node.put("is_triage", false);
		node.put("default", state.isDefault);
		node.putNull("external_source");
		node.putNull("external_id");
		node.put("project", state.project.id.toString());
		node.put("workspace", this.store.workspaceId.toString());
		return node;
	}

	ObjectNode label(Label label, ZoneId zone) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", label.id.toString());
		node.put("name", label.name);
		node.put("description", "");
		node.put("color", label.color);
		node.put("project", label.project.id.toString());
		node.put("workspace", this.store.workspaceId.toString());
		node.putNull("parent");
		return node;
	}

	/**
	 * A project as R2 and R3 render it; {@code caller} decides {@code is_member} and
	 * {@code member_role}, and is {@code null} for a webhook (no request user).
	 */
	ObjectNode project(Project project, User caller) {
		ZoneId zone = (caller != null) ? caller.timezone : ZoneOffset.UTC;
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", project.id.toString());
		node.put("created_at", Json.datetime(project.createdAt, zone));
		node.put("updated_at", Json.datetime(project.createdAt, zone));
		node.putNull("deleted_at");
		node.put("name", project.name);
		node.put("description", "");
		node.put("network", project.network);
		node.put("identifier", project.identifier);
		node.put("archived_at", Json.datetime(project.archivedAt, zone));
		node.put("timezone", "UTC");
		node.put("workspace", this.store.workspaceId.toString());
		node.put("total_members", project.members.stream().filter((m) -> m.active).count());
		Member member = (caller != null) ? project.member(caller.id) : null;
		boolean isMember = member != null && member.active;
		node.put("is_member", isMember);
		if (isMember) {
			node.put("member_role", member.role);
		}
		else {
			node.putNull("member_role");
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
		item.labels.forEach((id) -> labels.add(labelLite(this.store.labels.get(id))));
		node.set("labels", labels);
		node.set("assignees", users(item.assignees));
		node.set("state", (item.state != null) ? stateLite(item.state) : null);
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

	// ---- lite shapes

	ObjectNode stateLite(State state) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", state.id.toString());
		node.put("name", state.name);
		node.put("color", state.color);
		node.put("group", state.group);
		return node;
	}

	private static ObjectNode labelLite(Label label) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", label.id.toString());
		node.put("name", label.name);
		node.put("color", label.color);
		return node;
	}

	private ObjectNode projectLite(Project project) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", project.id.toString());
		node.put("identifier", project.identifier);
		node.put("name", project.name);
		node.putNull("cover_image");
		node.putNull("icon_prop");
		node.putNull("emoji");
		node.put("description", "");
		return node;
	}

	private ObjectNode workspaceLite() {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("name", "Demo");
		node.put("slug", SandboxStore.WORKSPACE);
		node.put("id", this.store.workspaceId.toString());
		return node;
	}

	private JsonNode issueLite(UUID itemId) {
		Item item = (itemId != null) ? this.store.items.get(itemId) : null;
		if (item == null) {
			return Json.MAPPER.nullNode();
		}
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", item.id.toString());
		node.put("sequence_id", item.sequenceId);
		node.put("project_id", item.project.id.toString());
		return node;
	}

	private JsonNode user(UUID userId) {
		User user = (userId != null) ? this.store.users.get(userId) : null;
		return (user != null) ? userLite(user) : Json.MAPPER.nullNode();
	}

	private ArrayNode users(Collection<UUID> userIds) {
		ArrayNode array = Json.MAPPER.createArrayNode();
		userIds.stream().map(this.store.users::get).filter(Objects::nonNull).forEach((u) -> array.add(userLite(u)));
		return array;
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
