package com.launcher.agentgateway.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditLog.AuditPage;
import com.launcher.agentgateway.audit.AuditLog.AuditQuery;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.GrantService;
import com.launcher.agentgateway.grant.TaskerWorkspace;
import com.launcher.agentgateway.grant.TaskerProjects.ProjectRef;
import com.launcher.agentgateway.oauth.Connection;
import com.launcher.agentgateway.oauth.OAuthConnections;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TokenService;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "My agents" and the owner's agent page: grants (give, change, remove), tokens (revoke;
 * mint and rotate go through the connect page, which shows the secret), the programs
 * connected with OAuth (disconnect), disable and enable, and the agent's activity
 * timeline. Every form posts back here with the host's CSRF protection and answers with a
 * redirect, so a reload never repeats an action.
 */
@Controller
class AgentPageController extends PageSupport {

	static final int ACTIVITY_PAGE = 20;

	private final AgentService agents;

	private final GrantService grants;

	private final TokenService tokens;

	private final AuditLog audit;

	private final OAuthConnections oauth;

	/** The workspace whose projects are offered and granted (configuration). */
	private final String workspace;

	AgentPageController(AgentService agents, GrantService grants, TokenService tokens, AuditLog audit,
			OAuthConnections oauth, PageContext pages, TaskerWorkspace workspace) {
		super(pages);
		this.workspace = workspace.slug();
		this.agents = agents;
		this.grants = grants;
		this.tokens = tokens;
		this.audit = audit;
		this.oauth = oauth;
	}

	@GetMapping("/")
	String myAgents(@RequestParam(required = false) String notice, Model model) {
		model.addAttribute("notice", notice);
		return myAgentsPage(model);
	}

	@PostMapping("/agents")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String description,
			Model model, HttpServletResponse response) {
		try {
			Agent agent = this.agents.create(this.actor.require(), name, description);
			return backToAgent(agent.id(), "created");
		}
		catch (GatewayException ex) {
			// Shown beside the field, with what was typed kept in the form.
			if (ex.errorCode() != ErrorCode.VALIDATION_FAILED && ex.errorCode() != ErrorCode.AGENT_NAME_TAKEN) {
				throw ex;
			}
			response.setStatus(ApiErrors.status(ex.errorCode()).value());
			model.addAttribute("errors", Map.of((ex.field() != null) ? ex.field() : "name", problem(ex)));
			model.addAttribute("name", name);
			model.addAttribute("description", description);
			return myAgentsPage(model);
		}
	}

	@GetMapping("/agents/{id}")
	String agent(@PathVariable UUID id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) String notice, Model model) {
		Actor me = this.actor.require();
		Agent agent = this.agents.get(me, id);
		boolean owner = me.userId().equals(agent.ownerUserId());
		model.addAttribute("agent", rows(List.of(agent)).get(0));
		model.addAttribute("owner", owner);
		model.addAttribute("notice", notice);
		List<Grant> granted = this.grants.list(me, id);
		model.addAttribute("grants", granted);
		if (owner) {
			grantable(me, granted, model);
		}
		Map<UUID, String> names = new HashMap<>();
		// Tokens minted for an OAuth client share its connection's family: name the
		// client.
		List<Connection> connections = this.oauth.connections(me, id);
		Map<UUID, String> clients = connections.stream()
			.collect(Collectors.toMap(Connection::familyId, Connection::clientName));
		model.addAttribute("connections", connections);
		model.addAttribute("tokens",
				this.tokens.list(me, id)
					.stream()
					.map((t) -> new TokenRow(t, ownerName(names, t.createdBy()),
							clients.getOrDefault(t.familyId(), TokenRow.PASTED)))
					.toList());
		AuditEvent.Outcome only = outcome(outcome);
		AuditPage page = this.audit.query(new AuditQuery(id, me.platformAdmin() ? null : me.userId(), null, only, null,
				null, emptyToNull(cursor), ACTIVITY_PAGE));
		model.addAttribute("activity",
				this.directory.auditRows(page.events(), Map.of(agent.id(), agent.name()), names, granted));
		model.addAttribute("outcome", (only != null) ? only.name() : "");
		model.addAttribute("cursor", emptyToNull(cursor));
		model.addAttribute("nextCursor", page.nextCursor().orElse(null));
		return "agent-gateway/agent";
	}

	@PostMapping("/agents/{id}/grants")
	String grant(@PathVariable UUID id, @RequestParam UUID projectId, @RequestParam String access) {
		this.grants.create(this.actor.require(), id, this.workspace, projectId, access);
		return backToAgent(id, "granted");
	}

	@PostMapping("/agents/{id}/grants/{grantId}/access")
	String changeAccess(@PathVariable UUID id, @PathVariable UUID grantId, @RequestParam String access) {
		this.grants.changeAccess(this.actor.require(), id, grantId, access);
		return backToAgent(id, "access-changed");
	}

	@PostMapping("/agents/{id}/grants/{grantId}/delete")
	String ungrant(@PathVariable UUID id, @PathVariable UUID grantId) {
		this.grants.delete(this.actor.require(), id, grantId);
		return backToAgent(id, "ungranted");
	}

	@PostMapping("/agents/{id}/tokens/{tokenId}/revoke")
	String revoke(@PathVariable UUID id, @PathVariable UUID tokenId) {
		this.tokens.revoke(this.actor.require(), id, tokenId);
		return backToAgent(id, "revoked");
	}

	@PostMapping("/agents/{id}/oauth/{familyId}/revoke")
	String disconnect(@PathVariable UUID id, @PathVariable UUID familyId) {
		this.oauth.revokeConnection(this.actor.require(), id, familyId);
		return backToAgent(id, "disconnected");
	}

	@PostMapping("/agents/{id}/disable")
	String disable(@PathVariable UUID id) {
		this.agents.disable(this.actor.require(), id);
		return backToAgent(id, "disabled");
	}

	@PostMapping("/agents/{id}/enable")
	String enable(@PathVariable UUID id) {
		this.agents.enable(this.actor.require(), id);
		return backToAgent(id, "enabled");
	}

	/** The agent's page, with the notice its template shows for what just happened. */
	private static String backToAgent(UUID id, String notice) {
		return redirect("/agents/" + id + "?notice=" + notice);
	}

	private String myAgentsPage(Model model) {
		model.addAttribute("agents", rows(this.agents.list(this.actor.require(), false)));
		model.addAttribute("section", "mine");
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "agent-gateway/agents";
	}

	/**
	 * The projects the owner may still grant, and why there are none when there are none:
	 * not a member of any, all already granted, or Tasker cannot be asked now.
	 */
	private void grantable(Actor me, List<Grant> granted, Model model) {
		Set<UUID> grantedIds = granted.stream().map(Grant::projectId).collect(Collectors.toSet());
		try {
			List<ProjectRef> member = this.grants.grantableProjects(me, this.workspace);
			List<ProjectRef> open = member.stream().filter((p) -> !grantedIds.contains(p.id())).toList();
			model.addAttribute("projects", open);
			model.addAttribute("grantState", member.isEmpty() ? "not-member" : open.isEmpty() ? "all-granted" : "ok");
		}
		catch (GatewayException ex) {
			model.addAttribute("projects", List.of());
			model.addAttribute("grantState",
					(ex.errorCode().kind() == ErrorCode.Kind.UNAVAILABLE
							|| ex.errorCode().kind() == ErrorCode.Kind.RATE_LIMITED) ? "tasker-unavailable"
									: "not-member");
		}
	}

	// "is required" → "This is required." beside the field it names.
	static String problem(GatewayException ex) {
		Object problem = ex.details().get("problem");
		return (problem != null) ? "This " + problem + "." : ex.errorCode().message();
	}

	static AuditEvent.Outcome outcome(String outcome) {
		if (outcome == null || outcome.isBlank()) {
			return null;
		}
		try {
			return AuditEvent.Outcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid("outcome", "must be allowed, succeeded, denied or failed");
		}
	}

	static String emptyToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * A token with what the agent page shows beside it.
	 *
	 * @param token the token
	 * @param createdByName who minted it
	 * @param client what uses it: a token pasted into an environment variable, or the
	 * OAuth client it was issued to
	 */
	record TokenRow(AgentToken token, String createdByName, String client) {

		static final String PASTED = "Pasted token";

	}

}
