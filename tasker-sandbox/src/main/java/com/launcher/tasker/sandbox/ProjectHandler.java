package com.launcher.tasker.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.launcher.tasker.sandbox.PlaneApi.Request;
import com.launcher.tasker.sandbox.PlaneApi.Response;
import com.launcher.tasker.sandbox.SandboxModel.Member;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.User;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's people and project routes: {@code users/me} (R1), the projects (R2, R3), the
 * project member list (R4) and the workspace member list (R6), with their bodies
 * (plane-api.md §4).
 */
final class ProjectHandler {

	private final SandboxStore store;

	ProjectHandler(SandboxStore store) {
		this.store = store;
	}

	Response list(Request request, User user) {
		List<Project> visible = new ArrayList<>();
		for (Project project : this.store.projects.values()) {
			if (project.isActiveMember(user.id) || project.network == 2) {
				visible.add(project);
			}
		}
		return OffsetPaginator.paginate(request, visible, (p) -> renderProject(p, user), visible.size());
	}

	Response get(PlaneRoute route, Request request, User user) {
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		if (project == null || !(project.isActiveMember(user.id) || project.network == 2)) {
			throw PlaneError.notFound();
		}
		return Response.of(200, renderProject(project, user));
	}

	Response listMembers(PlaneRoute route) {
		ArrayNode array = Json.MAPPER.createArrayNode();
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		if (project != null) {
			// plane-api.md R4: removed (inactive) members are listed too, without a role.
			for (Member member : project.members) {
				array.add(userLite(member.user));
			}
		}
		return Response.of(200, array);
	}

	Response listWorkspaceMembers(User user) {
		if (this.store.workspaceRoles.getOrDefault(user.id, 0) < 15) {
			throw PlaneError.forbidden();
		}
		ArrayNode array = Json.MAPPER.createArrayNode();
		this.store.workspaceRoles.forEach((id, role) -> {
			ObjectNode node = userLite(this.store.users.get(id));
			node.put("role", role);
			array.add(node);
		});
		return Response.of(200, array);
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

	private ObjectNode renderProject(Project project, User caller) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", project.id.toString());
		node.put("created_at", Json.datetime(project.createdAt, caller.timezone));
		node.put("updated_at", Json.datetime(project.createdAt, caller.timezone));
		node.putNull("deleted_at");
		node.put("name", project.name);
		node.put("description", "");
		node.put("network", project.network);
		node.put("identifier", project.identifier);
		node.put("archived_at", Json.datetime(project.archivedAt, caller.timezone));
		node.put("timezone", "UTC");
		node.put("workspace", this.store.workspaceId.toString());
		node.put("total_members", project.members.stream().filter((m) -> m.active).count());
		Member member = project.member(caller.id);
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

}
