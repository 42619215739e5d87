package com.launcher.tasker.sandbox;

import java.util.UUID;

import com.launcher.tasker.sandbox.PlaneApi.Request;
import com.launcher.tasker.sandbox.SandboxModel.Member;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.User;

/**
 * Plane's permission classes per route (plane-api.md §6): checks run before lookups, so
 * unknown ids are 403. Callers hold the store's lock.
 */
final class PlanePermissions {

	private final SandboxStore store;

	PlanePermissions(SandboxStore store) {
		this.store = store;
	}

	void check(PlaneRoute route, Request request, User user) {
		boolean safe = request.method().equals("GET");
		switch (route.kind()) {
			case ME -> {
			}
			case PROJECTS, PROJECT, WORKSPACE_MEMBERS -> requireWorkspaceMember(route, user);
			case PROJECT_MEMBERS, LABELS -> {
				requireWorkspaceMember(route, user);
				if (safe) {
					// R4 and R8 use a loose check: active member of any project in the
					// workspace.
					if (!this.store.isActiveMemberOfAnyProject(user.id)) {
						throw PlaneError.forbidden();
					}
				}
				else {
					requireProjectRole(route, user, 20);
				}
			}
			case STATES -> requireProjectRole(route, user, safe ? 5 : 20);
			case ITEMS, ITEM -> requireProjectRole(route, user, safe ? 5 : 15);
			case COMMENTS, COMMENT -> requireProjectRole(route, user, 5);
			case ITEM_BY_IDENTIFIER -> {
				requireWorkspaceMember(route, user);
				String text = route.vars().get(1);
				int dash = text.lastIndexOf('-');
				String identifier = (dash > 0) ? text.substring(0, dash) : text;
				Project project = this.store.projectByIdentifier(identifier).orElseThrow(PlaneError::forbidden);
				if (!project.isActiveMember(user.id)) {
					throw PlaneError.forbidden();
				}
			}
		}
	}

	private void requireWorkspaceMember(PlaneRoute route, User user) {
		if (!route.vars().get(0).equals(SandboxStore.WORKSPACE) || !this.store.workspaceRoles.containsKey(user.id)) {
			throw PlaneError.forbidden();
		}
	}

	private void requireProjectRole(PlaneRoute route, User user, int minimumRole) {
		requireWorkspaceMember(route, user);
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		Member member = (project != null) ? project.member(user.id) : null;
		if (member == null || !member.active || member.role < minimumRole) {
			throw PlaneError.forbidden();
		}
	}

}
