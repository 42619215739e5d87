package com.launcher.tasker.sandbox;

import java.util.List;
import java.util.UUID;

import com.launcher.tasker.sandbox.PlaneApi.Request;
import com.launcher.tasker.sandbox.PlaneApi.Response;
import com.launcher.tasker.sandbox.SandboxModel.Label;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.State;
import com.launcher.tasker.sandbox.SandboxModel.User;

/**
 * Plane's project state and label lists (R7, R8), with their bodies (plane-api.md §4).
 */
final class StateLabelHandler {

	private final SandboxStore store;

	private final PlaneShapes shapes;

	StateLabelHandler(SandboxStore store, PlaneShapes shapes) {
		this.store = store;
		this.shapes = shapes;
	}

	Response listStates(PlaneRoute route, Request request, User user) {
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		List<State> states = this.store.states.values().stream().filter((s) -> s.project == project).toList();
		return OffsetPaginator.paginate(request, states, this.shapes::state, states.size(), this.store.maxPerPage);
	}

	Response listLabels(PlaneRoute route, Request request, User user) {
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		List<Label> labels = (project != null && project.isActiveMember(user.id))
				? this.store.labels.values().stream().filter((l) -> l.project == project).toList() : List.of();
		return OffsetPaginator.paginate(request, labels, (l) -> this.shapes.label(l, user.timezone), labels.size(),
				this.store.maxPerPage);
	}

}
