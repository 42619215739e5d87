package com.launcher.agentgateway.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.agent.AgentQuery;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.agent.ConnectionStatus;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.token.TokenService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The platform admin's agent pages: every agent with its owner, status, connection and
 * last report, filtered and paged, with disable, enable and revoke-all; and the reporting
 * view (who reports, when they last did, who is stale). Reporting is visibility, not
 * enforcement (threat model, "Reporting mode false confidence"): the page says so.
 */
@Controller
class AdminPageController extends PageSupport {

	static final int PAGE_SIZE = 20;

	private final AgentService agents;

	private final TokenService tokens;

	AdminPageController(AgentService agents, TokenService tokens, PageContext pages) {
		super(pages);
		this.agents = agents;
		this.tokens = tokens;
	}

	@GetMapping("/admin/")
	String admin() {
		requireAdmin();
		return redirect("/admin/agents");
	}

	@GetMapping("/admin/agents")
	String agents(AgentFilter filter, @RequestParam(required = false) String notice, Model model) {
		Actor me = requireAdmin();
		// Filtered and paged by the store: a count, then at most one page of rows.
		Instant connectedAfter = this.clock.instant()
			.minus(Duration.ofMinutes(this.policy.current().connectedMinutes()));
		AgentQuery query = new AgentQuery(filter.q(), filter.owner(), filter.status(), filter.connection(),
				connectedAfter, PAGE_SIZE, (filter.pageNumber() - 1) * PAGE_SIZE);
		AgentQuery.Page found = this.agents.search(me, query);
		int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(filter.pageNumber(), pages);
		if (page != filter.pageNumber()) {
			// Past the last page (rows went since the link was made): show the last one.
			found = this.agents.search(me, query.page(PAGE_SIZE, (page - 1) * PAGE_SIZE));
		}
		int from = (page - 1) * PAGE_SIZE;
		List<UUID> ownerIds = this.agents.ownerIds(me);
		model.addAttribute("section", "admin-agents");
		model.addAttribute("filter", filter);
		model.addAttribute("notice", notice);
		model.addAttribute("agents", rows(found.agents()));
		model.addAttribute("total", found.total());
		model.addAttribute("first", found.agents().isEmpty() ? 0 : from + 1);
		model.addAttribute("last", from + found.agents().size());
		model.addAttribute("page", page);
		model.addAttribute("pages", pages);
		model.addAttribute("owners", owners(ownerIds));
		model.addAttribute("anyAgent", !ownerIds.isEmpty());
		return "agent-gateway/admin/agents";
	}

	@PostMapping("/admin/agents/{id}/disable")
	String disable(@PathVariable UUID id, AgentFilter filter) {
		this.agents.disable(this.actor.require(), id);
		return back(filter, "disabled");
	}

	@PostMapping("/admin/agents/{id}/enable")
	String enable(@PathVariable UUID id, AgentFilter filter) {
		this.agents.enable(this.actor.require(), id);
		return back(filter, "enabled");
	}

	@PostMapping("/admin/agents/{id}/revoke-tokens")
	String revokeTokens(@PathVariable UUID id, AgentFilter filter) {
		Actor me = requireAdmin();
		this.tokens.revokeAll(me, id);
		return back(filter, "tokens-revoked");
	}

	@GetMapping("/admin/reporting")
	String reporting(Model model) {
		Actor me = requireAdmin();
		Policy current = this.policy.current();
		Instant now = this.clock.instant();
		Duration fresh = Duration.ofHours(current.staleHours());
		List<ReportRow> reports = rows(this.agents.list(me, true)).stream()
			.map((row) -> new ReportRow(row, ReportRow.of(row, now, fresh)))
			.sorted(Comparator.comparing(ReportRow::state).thenComparing((ReportRow r) -> r.row().agent().name()))
			.toList();
		Map<String, Long> counts = new LinkedHashMap<>();
		for (ReportState state : ReportState.values()) {
			counts.put(state.name(), reports.stream().filter((r) -> r.state() == state).count());
		}
		model.addAttribute("section", "admin-reporting");
		model.addAttribute("policy", current);
		model.addAttribute("reports", reports);
		model.addAttribute("counts", counts);
		return "agent-gateway/admin/reporting";
	}

	// Everyone who owns an agent, by name, for the owner filter.
	private Map<UUID, String> owners(List<UUID> ownerIds) {
		Map<UUID, String> names = new HashMap<>();
		Map<UUID, String> owners = new LinkedHashMap<>();
		ownerIds.stream()
			.map((id) -> Map.entry(id, ownerName(names, id)))
			.sorted(Map.Entry.comparingByValue())
			.forEach((owner) -> owners.put(owner.getKey(), owner.getValue()));
		return owners;
	}

	// Back to the list as it was filtered, with only the known filter values.
	private static String back(AgentFilter filter, String notice) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("q", filter.q());
		params.put("owner", filter.owner());
		params.put("status", filter.status());
		params.put("connection", filter.connection());
		params.put("page", (filter.page() != null && filter.page() > 1) ? filter.page() : null);
		params.put("notice", notice);
		return "redirect:" + withQuery(BASE + "/admin/agents", params);
	}

	/**
	 * The admin list's filters, bound from the query (and from the hidden fields of the
	 * row actions, so an action returns to the same view).
	 *
	 * @param q part of the agent's name
	 * @param owner only this owner's agents
	 * @param status enabled or disabled
	 * @param connection connected, stale or never connected
	 * @param page the page, from 1
	 */
	record AgentFilter(String q, UUID owner, AgentStatus status, ConnectionStatus connection, Integer page) {

		AgentFilter {
			// The filters are read, never stored: out-of-range values are narrowed, not
			// refused.
			q = (q != null && q.length() > 80) ? q.substring(0, 80) : q;
			page = (page != null && page < 1) ? null : page;
			// Far past any real list, and the offset must stay an int.
			page = (page != null) ? Math.min(page, 1_000_000) : null;
		}

		int pageNumber() {
			return (this.page != null) ? this.page : 1;
		}

	}

	/** Where an agent stands in reporting mode, most urgent first. */
	enum ReportState {

		STALE, NEVER_REPORTED, REPORTING

	}

	/**
	 * An agent in the reporting view.
	 *
	 * @param row the agent
	 * @param state whether its last report is fresh, too old, or missing
	 */
	record ReportRow(AgentRow row, ReportState state) {

		// Fresh means a report within the policy's stale hours.
		static ReportState of(AgentRow row, Instant now, Duration fresh) {
			if (row.agent().lastReport() == null || row.agent().lastReport().at() == null) {
				return ReportState.NEVER_REPORTED;
			}
			return row.agent().lastReport().at().isAfter(now.minus(fresh)) ? ReportState.REPORTING : ReportState.STALE;
		}

	}

}
