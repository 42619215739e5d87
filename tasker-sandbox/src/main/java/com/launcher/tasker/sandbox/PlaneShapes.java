package com.launcher.tasker.sandbox;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

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
 * Plane's resource shapes (plane-api.md §4) other than work items and comments, rendered
 * from the sandbox's rows: the API's {@code ProjectSerializer}, {@code StateSerializer},
 * {@code LabelSerializer} and {@code UserLiteSerializer}, and the lite serializers that
 * {@code expand=} and webhook payloads nest ({@code StateLiteSerializer},
 * {@code LabelLiteSerializer}, {@code ProjectLiteSerializer},
 * {@code WorkspaceLiteSerializer}, {@code IssueLiteSerializer}). Work items and comments
 * are {@link WorkItemShapes}'. Callers hold the store's lock.
 */
final class PlaneShapes {

	private final SandboxStore store;

	PlaneShapes(SandboxStore store) {
		this.store = store;
	}

	// ---- the API serializers

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

	// ---- lite shapes, which expand= and webhook payloads nest

	ObjectNode stateLite(State state) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", state.id.toString());
		node.put("name", state.name);
		node.put("color", state.color);
		node.put("group", state.group);
		return node;
	}

	static ObjectNode labelLite(Label label) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", label.id.toString());
		node.put("name", label.name);
		node.put("color", label.color);
		return node;
	}

	ObjectNode projectLite(Project project) {
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

	ObjectNode workspaceLite() {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("name", "Demo");
		node.put("slug", SandboxStore.WORKSPACE);
		node.put("id", this.store.workspaceId.toString());
		return node;
	}

	JsonNode issueLite(UUID itemId) {
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

	JsonNode user(UUID userId) {
		User user = (userId != null) ? this.store.users.get(userId) : null;
		return (user != null) ? userLite(user) : Json.MAPPER.nullNode();
	}

	ArrayNode users(Collection<UUID> userIds) {
		ArrayNode array = Json.MAPPER.createArrayNode();
		userIds.stream().map(this.store.users::get).filter(Objects::nonNull).forEach((u) -> array.add(userLite(u)));
		return array;
	}

}
