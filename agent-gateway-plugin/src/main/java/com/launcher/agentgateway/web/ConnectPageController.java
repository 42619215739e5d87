package com.launcher.agentgateway.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditLog.AuditQuery;
import com.launcher.agentgateway.audit.AuditLog.StoredAuditEvent;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TokenService;
import com.launcher.agentgateway.token.TokenService.MintedToken;
import com.launcher.agentgateway.token.TokenStatus;
import com.launcher.host.api.LauncherPluginContext;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The connect page of an agent: the two ways to connect Codex, OAuth first
 * ({@code codex mcp login tasker} with a {@code config.toml} block that names no token)
 * and a pasted token second (its {@code config.toml} block, and the token once right
 * after it is minted or rotated with the exact {@code export} line); the AGENTS.md
 * section; and whether the agent has called yet, when and from where.
 */
@Controller
class ConnectPageController extends PageSupport {

	/** How many of the agent's latest events are searched for its own latest call. */
	static final int RECENT_EVENTS = 50;

	private final LauncherPluginContext context;

	private final AgentService agents;

	private final TokenService tokens;

	private final AuditLog audit;

	ConnectPageController(LauncherPluginContext context, AgentService agents, TokenService tokens, AuditLog audit,
			PageContext pages) {
		super(pages);
		this.context = context;
		this.agents = agents;
		this.tokens = tokens;
		this.audit = audit;
	}

	@GetMapping("/agents/{id}/connect")
	String connect(@PathVariable UUID id, Model model) {
		return connectPage(id, null, model);
	}

	@PostMapping("/agents/{id}/tokens")
	String mint(@PathVariable UUID id, @RequestParam(required = false) String expiresInDays,
			@RequestParam(required = false) String allowedCidrs, Model model, HttpServletResponse response) {
		try {
			MintedToken minted = this.tokens.mint(this.actor.require(), id, days(expiresInDays),
					cidrList(allowedCidrs));
			// Rendered, not redirected: the secret is on this one response and never
			// again, and no cache may keep it.
			response.setHeader("Cache-Control", "no-store");
			return connectPage(id, minted, model);
		}
		catch (GatewayException ex) {
			if (ex.field() == null || ex.errorCode().kind() != ErrorCode.Kind.INVALID) {
				throw ex;
			}
			response.setStatus(ApiErrors.status(ex.errorCode()).value());
			model.addAttribute("mintErrors", Map.of(ex.field(), AgentPageController.problem(ex)));
			model.addAttribute("expiresInDays", expiresInDays);
			model.addAttribute("allowedCidrs", allowedCidrs);
			return connectPage(id, null, model);
		}
	}

	@PostMapping("/agents/{id}/tokens/{tokenId}/rotate")
	String rotate(@PathVariable UUID id, @PathVariable UUID tokenId, Model model, HttpServletResponse response) {
		MintedToken minted = this.tokens.rotate(this.actor.require(), id, tokenId, null);
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("rotated", true);
		return connectPage(id, minted, model);
	}

	private String connectPage(UUID id, MintedToken minted, Model model) {
		Actor me = this.actor.require();
		Agent agent = this.agents.get(me, id);
		model.addAttribute("agent", rows(List.of(agent)).get(0));
		model.addAttribute("owner", me.userId().equals(agent.ownerUserId()));
		model.addAttribute("minted", minted);
		if (minted != null) {
			model.addAttribute("exportLine",
					"export " + InstructionPackController.TOKEN_ENV_VAR + "=" + minted.secret());
		}
		model.addAttribute("tokenVariable", InstructionPackController.TOKEN_ENV_VAR);
		// OAuth first (no token anywhere), the pasted token second: the instruction
		// pack's two ways, in its order.
		String url = InstructionPackController.mcpUrl(this.context);
		model.addAttribute("codexLogin", InstructionPackController.CODEX_LOGIN);
		model.addAttribute("oauthConfigToml", InstructionPackController.codexConfigToml(url, false));
		model.addAttribute("configToml", InstructionPackController.codexConfigToml(url, true));
		model.addAttribute("agentsMd", InstructionPackController.agentsMd());
		List<AgentToken> all = this.tokens.list(me, id);
		model.addAttribute("activeTokens", all.stream().filter((t) -> t.status() == TokenStatus.ACTIVE).count());
		model.addAttribute("lastUse",
				all.stream()
					.filter((t) -> t.lastUsedAt() != null)
					.max(Comparator.comparing(AgentToken::lastUsedAt))
					.orElse(null));
		List<StoredAuditEvent> recent = this.audit
			.query(new AuditQuery(id, me.platformAdmin() ? null : me.userId(), null, null, null, null, null,
					RECENT_EVENTS))
			.events();
		StoredAuditEvent lastCall = recent.stream()
			.filter((e) -> e.event().actorType() == AuditEvent.ActorType.AGENT || isTokenUse(e.event()))
			.findFirst()
			.orElse(null);
		model.addAttribute("lastCall",
				(lastCall != null) ? this.directory
					.auditRows(List.of(lastCall), Map.of(agent.id(), agent.name()), new HashMap<>(), List.of())
					.get(0) : null);
		if (!model.containsAttribute("mintErrors")) {
			model.addAttribute("mintErrors", Map.of());
		}
		return "agent-gateway/connect";
	}

	// A refused token is audited as the system's decision, but it is the agent calling.
	private static boolean isTokenUse(AuditEvent event) {
		return Objects.equals(event.action(), "token.use");
	}

	private static Integer days(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			throw GatewayException.invalid("expiresInDays", "must be a whole number of days");
		}
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

}
