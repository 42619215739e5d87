package com.launcher.tasker.sandbox;

import java.util.List;
import java.util.UUID;

import com.launcher.tasker.sandbox.PlaneApi.Request;
import com.launcher.tasker.sandbox.PlaneApi.Response;
import com.launcher.tasker.sandbox.SandboxModel.Label;
import com.launcher.tasker.sandbox.SandboxModel.Project;
import com.launcher.tasker.sandbox.SandboxModel.State;
import com.launcher.tasker.sandbox.SandboxModel.User;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plane's project state and label lists (R7, R8), with their bodies (plane-api.md §4).
 */
final class StateLabelHandler {

	private final SandboxStore store;

	StateLabelHandler(SandboxStore store) {
		this.store = store;
	}

	Response listStates(PlaneRoute route, Request request, User user) {
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		List<State> states = this.store.states.values().stream().filter((s) -> s.project == project).toList();
		return OffsetPaginator.paginate(request, states, (s) -> renderState(s, user), states.size());
	}

	Response listLabels(PlaneRoute route, Request request, User user) {
		Project project = this.store.projects.get(UUID.fromString(route.vars().get(1)));
		List<Label> labels = (project != null && project.isActiveMember(user.id))
				? this.store.labels.values().stream().filter((l) -> l.project == project).toList() : List.of();
		return OffsetPaginator.paginate(request, labels, (l) -> renderLabel(l, user), labels.size());
	}

	private ObjectNode renderState(State state, User caller) {
		ObjectNode node = Json.MAPPER.createObjectNode();
		node.put("id", state.id.toString());
		node.put("name", state.name);
		node.put("description", "");
		node.put("color", state.color);
		node.put("slug", state.name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
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

	private ObjectNode renderLabel(Label label, User caller) {
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

}
