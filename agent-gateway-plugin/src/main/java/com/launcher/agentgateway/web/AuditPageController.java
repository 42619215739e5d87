package com.launcher.agentgateway.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditLog.AuditPage;
import com.launcher.agentgateway.audit.AuditLog.AuditQuery;
import com.launcher.agentgateway.audit.AuditLog.StoredAuditEvent;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.GatewayException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's audit view: filters by agent, owner, action, outcome and time range (UTC),
 * keyset paging, chain verification on request, and CSV or JSON Lines exports of exactly
 * the events the filters select (every page of them).
 */
@Controller
class AuditPageController extends PageSupport {

	static final int PAGE_SIZE = 50;

	/** Exports read the log in the largest pages the audit query allows. */
	static final int EXPORT_PAGE = 500;

	private final AuditLog audit;

	private final AgentService agents;

	AuditPageController(AuditLog audit, AgentService agents, PageContext pages) {
		super(pages);
		this.audit = audit;
		this.agents = agents;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam Map<String, String> params, Model model) {
		Actor me = requireAdmin();
		Filters filters = Filters.of(params);
		List<Agent> all = this.agents.list(me, true);
		Map<UUID, String> agentNames = all.stream().collect(Collectors.toMap(Agent::id, Agent::name));
		Map<UUID, String> people = new HashMap<>();
		model.addAttribute("section", "admin-audit");
		model.addAttribute("filters", filters);
		model.addAttribute("errors", filters.errors());
		model.addAttribute("agentChoices",
				all.stream()
					.sorted(Comparator.comparing((Agent a) -> a.name().toLowerCase(Locale.ROOT)))
					.collect(Collectors.toMap(Agent::id,
							(a) -> a.name() + " (" + ownerName(people, a.ownerUserId()) + ")", (a, b) -> a,
							LinkedHashMap::new)));
		model.addAttribute("ownerChoices",
				all.stream()
					.map(Agent::ownerUserId)
					.distinct()
					.collect(Collectors.toMap(Function.identity(), (id) -> ownerName(people, id), (a, b) -> a,
							LinkedHashMap::new)));
		model.addAttribute("actions", KNOWN_ACTIONS);
		model.addAttribute("outcomes", List.of("SUCCEEDED", "ALLOWED", "DENIED", "FAILED"));
		if (filters.errors().isEmpty()) {
			AuditPage page = this.audit.query(filters.query(PAGE_SIZE));
			model.addAttribute("events", this.directory.auditRows(page.events(), agentNames, people, List.of()));
			model.addAttribute("nextCursor", page.nextCursor().orElse(null));
		}
		else {
			model.addAttribute("events", List.of());
		}
		model.addAttribute("exportCsv", filters.link(BASE + "/admin/audit/export", "csv"));
		model.addAttribute("exportJsonl", filters.link(BASE + "/admin/audit/export", "jsonl"));
		// Verifying walks and hashes the whole log: an explicit action, not part of every
		// render.
		model.addAttribute("chain", "true".equals(params.get("verify")) ? this.audit.verify() : null);
		return "agent-gateway/admin/audit";
	}

	@GetMapping("/admin/audit/export")
	void export(@RequestParam Map<String, String> params, HttpServletResponse response) throws IOException {
		requireAdmin();
		Filters filters = Filters.of(params);
		if (!filters.errors().isEmpty()) {
			Map.Entry<String, String> first = filters.errors().entrySet().iterator().next();
			throw GatewayException.invalid(first.getKey(), first.getValue());
		}
		boolean csv = !"jsonl".equals(params.get("format"));
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(csv ? "text/csv" : "application/jsonl");
		response.setHeader("Content-Disposition",
				"attachment; filename=\"agent-gateway-audit." + (csv ? "csv" : "jsonl") + "\"");
		response.setHeader("X-Content-Type-Options", "nosniff");
		PrintWriter out = response.getWriter();
		if (csv) {
			out.write(AuditExport.CSV_HEADER);
		}
		// Every page of the filtered view, newest first, as the page lists them; the
		// writer streams, so a long export never sits in memory.
		String cursor = null;
		do {
			AuditPage page = this.audit.query(filters.withCursor(cursor).query(EXPORT_PAGE));
			for (StoredAuditEvent event : page.events()) {
				out.write(csv ? AuditExport.csvRow(event) : AuditExport.jsonLine(event));
			}
			cursor = page.nextCursor().orElse(null);
		}
		while (cursor != null);
		out.flush();
	}

	/** Actions offered as suggestions in the action filter (any text is accepted). */
	static final List<String> KNOWN_ACTIONS = List.of("token.use", "token.mint", "token.rotate", "token.revoke",
			"token.family_revoke", "agent.create", "agent.disable", "agent.enable", "grant.create", "grant.update",
			"grant.delete", "policy.update", "tool.whoami", "tool.list_projects", "tool.list_work_items",
			"tool.get_work_item", "tool.list_comments", "tool.list_states", "tool.list_labels",
			"tool.search_work_items", "tool.create_work_item", "tool.update_work_item", "tool.add_comment",
			"tool.report_progress");

	/**
	 * The audit view's filters as typed, with a message for each that cannot be read.
	 * Times are UTC ({@code datetime-local} inputs carry no zone).
	 *
	 * @param agent agent id
	 * @param owner owner id
	 * @param action action name
	 * @param outcome outcome name
	 * @param from at or after, as typed
	 * @param to before, as typed
	 * @param cursor where the page starts
	 * @param errors field → message
	 */
	record Filters(String agent, String owner, String action, String outcome, String from, String to, String cursor,
			Map<String, String> errors) {

		static Filters of(Map<String, String> params) {
			Filters filters = new Filters(text(params, "agent"), text(params, "owner"), text(params, "action"),
					text(params, "outcome"), text(params, "from"), text(params, "to"), text(params, "cursor"),
					new LinkedHashMap<>());
			filters.check();
			return filters;
		}

		private static String text(Map<String, String> params, String name) {
			String value = params.get(name);
			return (value == null || value.isBlank()) ? "" : value.trim();
		}

		private void check() {
			uuid("agent", this.agent);
			uuid("owner", this.owner);
			if (this.action.length() > 100) {
				this.errors.put("action", "Enter at most 100 characters.");
			}
			try {
				AgentPageController.outcome(this.outcome);
			}
			catch (GatewayException ex) {
				this.errors.put("outcome", "Choose an outcome from the list.");
			}
			time("from", this.from);
			time("to", this.to);
			if (this.errors.isEmpty() && time("from", this.from) != null && time("to", this.to) != null
					&& !time("from", this.from).isBefore(time("to", this.to))) {
				this.errors.put("to", "Must be later than the start.");
			}
		}

		private UUID uuid(String field, String text) {
			if (text.isEmpty()) {
				return null;
			}
			try {
				return UUID.fromString(text);
			}
			catch (IllegalArgumentException ex) {
				this.errors.put(field, "Choose from the list.");
				return null;
			}
		}

		private Instant time(String field, String text) {
			if (text.isEmpty()) {
				return null;
			}
			try {
				return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				this.errors.put(field, "Enter a date and time such as 2026-11-22T10:00.");
				return null;
			}
		}

		Filters withCursor(String next) {
			return new Filters(this.agent, this.owner, this.action, this.outcome, this.from, this.to,
					(next != null) ? next : "", this.errors);
		}

		AuditQuery query(int limit) {
			return new AuditQuery(uuid("agent", this.agent), uuid("owner", this.owner),
					this.action.isEmpty() ? null : this.action, AgentPageController.outcome(this.outcome),
					time("from", this.from), time("to", this.to), this.cursor.isEmpty() ? null : this.cursor, limit);
		}

		/** A link to {@code path} with these filters (not the cursor) and a format. */
		public String link(String path, String format) {
			Map<String, Object> values = values();
			values.put("format", format);
			return withQuery(path, values);
		}

		/** The link to the next page: these filters and the cursor. */
		public String next(String path, String nextCursor) {
			Map<String, Object> values = values();
			values.put("cursor", nextCursor);
			return withQuery(path, values);
		}

		private Map<String, Object> values() {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("agent", this.agent);
			values.put("owner", this.owner);
			values.put("action", this.action);
			values.put("outcome", this.outcome);
			values.put("from", this.from);
			values.put("to", this.to);
			return values;
		}

		public boolean any() {
			return !(this.agent + this.owner + this.action + this.outcome + this.from + this.to).isEmpty();
		}

	}

}
