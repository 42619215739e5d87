package com.launcher.agentgateway.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.ConnectionStatus;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.policy.PolicyService;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/agents}: create, list, read, disable and enable agents. */
@RestController
@RequestMapping(path = "/api/v1/agents", produces = "application/json")
class AgentApiController extends ApiErrors {

	private final AgentService agents;

	private final PolicyService policy;

	private final CurrentActor actor;

	private final Clock clock;

	AgentApiController(AgentService agents, PolicyService policy, CurrentActor actor, Clock clock,
			FailureNames failures) {
		super(failures);
		this.agents = agents;
		this.policy = policy;
		this.actor = actor;
		this.clock = clock;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AgentView create(@RequestBody JsonNode body) {
		JsonBody json = JsonBody.of(body, Set.of("name", "description"));
		return view(this.agents.create(this.actor.require(), json.text("name"), json.text("description")));
	}

	@GetMapping
	List<AgentView> list(@RequestParam(defaultValue = "false") boolean all) {
		return this.agents.list(this.actor.require(), all).stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	AgentView get(@PathVariable UUID id) {
		return view(this.agents.get(this.actor.require(), id));
	}

	@PostMapping("/{id}/disable")
	AgentView disable(@PathVariable UUID id) {
		return view(this.agents.disable(this.actor.require(), id));
	}

	@PostMapping("/{id}/enable")
	AgentView enable(@PathVariable UUID id) {
		return view(this.agents.enable(this.actor.require(), id));
	}

	AgentView view(Agent agent) {
		return AgentView.of(agent,
				ConnectionStatus.of(agent.lastSeenAt(), this.clock.instant(), this.policy.current()));
	}

	record AgentView(UUID id, String name, String description, UUID ownerUserId, UUID createdBy, String status,
			String connection, Instant lastSeenAt, Agent.ProgressReport lastReport, Instant createdAt) {

		static AgentView of(Agent agent, ConnectionStatus connection) {
			return new AgentView(agent.id(), agent.name(), agent.description(), agent.ownerUserId(), agent.createdBy(),
					agent.status().name(), connection.name(), agent.lastSeenAt(), agent.lastReport(),
					agent.createdAt());
		}

	}

}
