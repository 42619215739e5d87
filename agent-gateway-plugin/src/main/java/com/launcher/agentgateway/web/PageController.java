package com.launcher.agentgateway.web;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.ConnectionStatus;
import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditLog.AuditQuery;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.grant.TaskerProjects;
import com.launcher.agentgateway.oauth.AuthorizationServer;
import com.launcher.agentgateway.oauth.Connection;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.token.TokenService;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages: "My agents" for every user, the agent page (grants, tokens, recent activity)
 * and the admin overview. Forms post back here with the host's CSRF protection.
 */
@Controller
class PageController {

	private static final String DEFAULT_WORKSPACE = "demo";

	private final AgentService agents;

	private final GrantService grants;

	private final TokenService tokens;

	private final AuditLog audit;

	private final PolicyService policy;

	private final CurrentActor actor;

	private final OwnerDirectory owners;

	private final Clock clock;

	private final AuthorizationServer oauth;

	PageController(AgentService agents, GrantService grants, TokenService tokens, AuditLog audit, PolicyService policy,
			CurrentActor actor, OwnerDirectory owners, Clock clock, AuthorizationServer oauth) {
		this.agents = agents;
		this.grants = grants;
		this.tokens = tokens;
		this.audit = audit;
		this.policy = policy;
		this.actor = actor;
		this.owners = owners;
		this.clock = clock;
		this.oauth = oauth;
	}

	@ModelAttribute("fmt")
	PageFormat format() {
		return PageFormat.INSTANCE;
	}

	@GetMapping("/")
	String myAgents(Model model) {
		Actor me = this.actor.require();
		model.addAttribute("user", this.actor.user());
		model.addAttribute("agents", rows(this.agents.list(me, false)));
		return "agent-gateway/agents";
	}

	@PostMapping("/agents")
	String create(@RequestParam String name, @RequestParam(required = false) String description) {
		Agent agent = this.agents.create(this.actor.require(), name, description);
		return "redirect:/plugins/agent-gateway/agents/" + agent.id();
	}

	@GetMapping("/agents/{id}")
	String agent(@PathVariable UUID id, Model model) {
		return agentPage(id, model, null);
	}

	@PostMapping("/agents/{id}/grants")
	String grant(@PathVariable UUID id, @RequestParam UUID projectId, @RequestParam String access,
			@RequestParam(defaultValue = DEFAULT_WORKSPACE) String workspace) {
		this.grants.create(this.actor.require(), id, workspace, projectId, access);
		return "redirect:/plugins/agent-gateway/agents/" + id;
	}

	@PostMapping("/agents/{id}/grants/{grantId}/delete")
	String ungrant(@PathVariable UUID id, @PathVariable UUID grantId) {
		this.grants.delete(this.actor.require(), id, grantId);
		return "redirect:/plugins/agent-gateway/agents/" + id;
	}

	@PostMapping("/agents/{id}/tokens")
	String mint(@PathVariable UUID id, @RequestParam(required = false) Integer expiresInDays,
			@RequestParam(required = false) String allowedCidrs, Model model) {
		TokenService.MintedToken minted = this.tokens.mint(this.actor.require(), id, expiresInDays,
				cidrList(allowedCidrs));
		// Rendered, not redirected: the secret is shown on this one response and never
		// again.
		return agentPage(id, model, minted);
	}

	@PostMapping("/agents/{id}/tokens/{tokenId}/revoke")
	String revoke(@PathVariable UUID id, @PathVariable UUID tokenId) {
		this.tokens.revoke(this.actor.require(), id, tokenId);
		return "redirect:/plugins/agent-gateway/agents/" + id;
	}

	@PostMapping("/agents/{id}/oauth/{familyId}/revoke")
	String disconnect(@PathVariable UUID id, @PathVariable UUID familyId) {
		this.oauth.revokeConnection(this.actor.require(), id, familyId);
		return "redirect:/plugins/agent-gateway/agents/" + id;
	}

	@PostMapping("/agents/{id}/disable")
	String disable(@PathVariable UUID id) {
		this.agents.disable(this.actor.require(), id);
		return "redirect:/plugins/agent-gateway/agents/" + id;
	}

	@PostMapping("/agents/{id}/enable")
	String enable(@PathVariable UUID id) {
		this.agents.enable(this.actor.require(), id);
		return "redirect:/plugins/agent-gateway/agents/" + id;
	}

	@GetMapping("/admin/")
	String admin(@RequestParam(defaultValue = "false") boolean verify, Model model) {
		Actor me = this.actor.require();
		if (!me.platformAdmin()) {
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
		model.addAttribute("user", this.actor.user());
		List<AgentRow> rows = rows(this.agents.list(me, true));
		model.addAttribute("agents", rows);
		model.addAttribute("agentNames",
				rows.stream().collect(Collectors.toMap((r) -> r.agent().id(), (r) -> r.agent().name())));
		model.addAttribute("ownerNames", ownerNames(rows));
		model.addAttribute("policy", this.policy.current());
		model.addAttribute("events",
				this.audit.query(new AuditQuery(null, null, null, null, null, null, null, 50)).events());
		// Verifying walks and hashes the whole log: an explicit action, not part of every
		// render.
		model.addAttribute("chain", verify ? this.audit.verify() : null);
		return "agent-gateway/admin/overview";
	}

	@ExceptionHandler(GatewayException.class)
	String failure(GatewayException ex, Model model, HttpServletResponse response) {
		response.setStatus(ApiErrors.status(ex.errorCode()).value());
		model.addAttribute("code", ex.errorCode().code());
		model.addAttribute("message", ex.errorCode().message());
		model.addAttribute("field", ex.field());
		return "agent-gateway/error";
	}

	private String agentPage(UUID id, Model model, TokenService.MintedToken minted) {
		Actor me = this.actor.require();
		Agent agent = this.agents.get(me, id);
		model.addAttribute("user", this.actor.user());
		model.addAttribute("agent", rows(List.of(agent)).get(0));
		List<Grant> granted = this.grants.list(me, id);
		Set<UUID> grantedIds = granted.stream().map(Grant::projectId).collect(Collectors.toSet());
		model.addAttribute("grants", granted);
		model.addAttribute("tokens", this.tokens.list(me, id));
		// Tokens minted for an OAuth client share its connection's family: name the
		// client.
		List<Connection> connections = this.oauth.connections(me, id);
		model.addAttribute("connections", connections);
		model.addAttribute("agentId", id);
		model.addAttribute("tokenClients",
				connections.stream().collect(Collectors.toMap(Connection::familyId, Connection::clientName)));
		model.addAttribute("minted", minted);
		model.addAttribute("projects",
				grantableOrEmpty(me).stream().filter((p) -> !grantedIds.contains(p.id())).toList());
		model.addAttribute("events", this.audit
			.query(new AuditQuery(id, me.platformAdmin() ? null : me.userId(), null, null, null, null, null, 20))
			.events());
		return "agent-gateway/agent";
	}

	/**
	 * The form's "allowed networks": CIDR blocks separated by commas or spaces, checked
	 * by the token service like the API's list (at most ten). Text far longer than ten
	 * blocks with their separators is refused before it is split.
	 */
	static List<String> cidrList(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		if (text.length() > 1_000) {
			throw GatewayException.invalid("allowedCidrs", "is too long");
		}
		return Arrays.stream(text.trim().split("[,\\s]+")).filter((cidr) -> !cidr.isEmpty()).toList();
	}

	// One directory lookup per distinct owner on the page, not per row.
	private Map<UUID, String> ownerNames(List<AgentRow> rows) {
		Map<UUID, String> names = new HashMap<>();
		for (AgentRow row : rows) {
			names.computeIfAbsent(row.agent().ownerUserId(),
					(ownerId) -> this.owners.find(ownerId).map(Owner::displayName).orElse(ownerId.toString()));
		}
		return names;
	}

	private List<TaskerProjects.ProjectRef> grantableOrEmpty(Actor me) {
		try {
			return this.grants.grantableProjects(me, DEFAULT_WORKSPACE);
		}
		catch (GatewayException ex) {
			return List.of();
		}
	}

	private List<AgentRow> rows(List<Agent> list) {
		Policy current = this.policy.current();
		return list.stream()
			.map((a) -> new AgentRow(a, ConnectionStatus.of(a.lastSeenAt(), this.clock.instant(), current).name()))
			.toList();
	}

	/**
	 * An agent with its connection status, for the pages.
	 *
	 * @param agent the agent
	 * @param connection connected, stale or never connected
	 */
	record AgentRow(Agent agent, String connection) {
	}

}
