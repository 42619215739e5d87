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

	private final PlaneShapes shapes;

	ProjectHandler(SandboxStore store, PlaneShapes shapes) {
		this.store = store;
		this.shapes = shapes;
	}

	Response list(Request request, User user) {
		List<Project> visible = new ArrayList<>();
		for (Project project : this.store.projects.values()) {
			if (project.isActiveMember(user.id) || project.network == 2) {
				visible.add(project);
			}
		}
		return OffsetPaginator.paginate(request, visible, (p) -> this.shapes.project(p, user), visible.size(),
				this.store.maxPerPage);
	}

	Response get(PlaneRoute route, Request request, User user) {
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		if (project == null || !(project.isActiveMember(user.id) || project.network == 2)) {
			throw PlaneError.notFound();
		}
		return Response.of(200, this.shapes.project(project, user));
	}

	Response listMembers(PlaneRoute route) {
		ArrayNode array = Json.MAPPER.createArrayNode();
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		if (project != null) {
			// plane-api.md R4: removed (inactive) members are listed too, without a role.
			for (Member member : project.members) {
				array.add(PlaneShapes.userLite(member.user));
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
			ObjectNode node = PlaneShapes.userLite(this.store.users.get(id));
			node.put("role", role);
			array.add(node);
		});
		return Response.of(200, array);
	}

}
