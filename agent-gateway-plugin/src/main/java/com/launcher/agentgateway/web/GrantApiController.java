package com.launcher.agentgateway.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.grant.TaskerProjects;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Grants of an agent, and the Tasker projects the caller may grant. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
class GrantApiController extends ApiErrors {

	private final GrantService grants;

	private final CurrentActor actor;

	GrantApiController(GrantService grants, CurrentActor actor, FailureNames failures) {
		super(failures);
		this.grants = grants;
		this.actor = actor;
	}

	@GetMapping("/tasker/projects")
	List<TaskerProjects.ProjectRef> grantableProjects(@RequestParam String workspace) {
		return this.grants.grantableProjects(this.actor.require(), workspace);
	}

	@PostMapping("/agents/{id}/grants")
	@ResponseStatus(HttpStatus.CREATED)
	GrantView create(@PathVariable UUID id, @RequestBody JsonNode body) {
		JsonBody json = JsonBody.of(body, Set.of("workspace", "projectId", "access"));
		return GrantView.of(this.grants.create(this.actor.require(), id, json.text("workspace"), json.uuid("projectId"),
				json.text("access")));
	}

	@GetMapping("/agents/{id}/grants")
	List<GrantView> list(@PathVariable UUID id) {
		return this.grants.list(this.actor.require(), id).stream().map(GrantView::of).toList();
	}

	@DeleteMapping("/agents/{id}/grants/{grantId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id, @PathVariable UUID grantId) {
		this.grants.delete(this.actor.require(), id, grantId);
	}

	record GrantView(UUID id, UUID agentId, String workspace, UUID projectId, String projectIdentifier,
			String projectName, String access, Instant createdAt) {

		static GrantView of(Grant grant) {
			return new GrantView(grant.id(), grant.agentId(), grant.workspace(), grant.projectId(),
					grant.projectIdentifier(), grant.projectName(), grant.access().name(), grant.createdAt());
		}

	}

}
