package com.launcher.agentgateway.mcp.tool;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.launcher.agentgateway.call.ToolArguments;
import com.launcher.agentgateway.call.ToolRequest;
import com.launcher.agentgateway.call.ToolResult;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TaskerProjects.Membership;
import com.launcher.agentgateway.idempotency.Fingerprint;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.WorkItemSearch;
import com.launcher.agentgateway.workitem.WorkItems;

/**
 * {@code search_work_items}: cards of the projects the agent may read now, found by text
 * (issue 15, point 3). Not project-scoped in the pipeline, since {@code project_id} is
 * optional: the tool applies the same scope itself, as {@code list_projects} does. A
 * named project must be granted and its owner a member (refused otherwise, like every
 * scoped tool); without one, every granted project whose owner is a confirmed member is
 * searched and the others are only counted (fail closed).
 */
final class SearchWorkItemsTool extends DescribedTool {

	/** The most characters of a snippet, whatever the words' lengths. */
	static final int SNIPPET_MAX = 300;

	private final WorkItems workItems;

	private final WorkItemSearch search;

	SearchWorkItemsTool(WorkItems workItems, WorkItemSearch search) {
		super("search_work_items");
		this.workItems = workItems;
		this.search = search;
	}

	@Override
	public ToolResult call(ToolRequest request) {
		ToolArguments args = request.arguments();
		AgentPrincipal agent = request.principal();
		List<Grant> grants = new ArrayList<>();
		int unavailable = 0;
		if (args.string("project_id") != null) {
			// Resolved as the call pipeline resolves it for scoped tools.
			Grant grant = agent.grantNamed(args.string("project_id"));
			this.workItems.requireOwnerMembership(agent, grant);
			grants.add(grant);
		}
		else {
			for (Grant grant : agent.grants()) {
				if (this.workItems.ownerMembership(agent, grant) == Membership.MEMBER) {
					grants.add(grant);
				}
				else {
					unavailable++;
				}
			}
		}
		Map<UUID, ProjectNames> names = new LinkedHashMap<>();
		Map<UUID, Grant> byProject = new LinkedHashMap<>();
		grants.forEach((grant) -> {
			names.put(grant.projectId(), new ProjectNames(this.workItems, grant));
			byProject.put(grant.projectId(), grant);
		});
		Set<UUID> states = states(args.string("state"), names);
		String assignee = args.string("assignee_id");
		UUID assigneeId = null;
		if ("me".equals(assignee)) {
			// Tasker's user ids are the workspace's: any granted project's member list
			// will do.
			assigneeId = names.isEmpty() ? null : names.values().iterator().next().owner(agent);
		}
		else if (assignee != null) {
			assigneeId = args.uuid("assignee_id");
		}
		WorkItemSearch.Query query = new WorkItemSearch.Query(args.string("query"), states, assigneeId);
		String binding = hash(query, byProject.keySet());
		String cursor = ToolCursors.decode(args.string("cursor"), "s1", binding,
				"belongs to another search or other filters");
		int limit = (args.integer("limit") != null) ? args.integer("limit") : 10;
		WorkItemSearch.Found found = this.search.search(grants, query, new Page.Request(cursor, limit));
		// The statement is confined to these projects already; a hit outside them is
		// dropped all the same, as scope is checked where results are made.
		List<Map<String, Object>> items = found.page()
			.items()
			.stream()
			.filter((hit) -> byProject.containsKey(hit.item().projectId()))
			.map((hit) -> {
				Grant grant = byProject.get(hit.item().projectId());
				Map<String, Object> view = WorkItemViews.summary(hit.item(), grant, agent.agentId(),
						names.get(grant.projectId()));
				view.put("matched",
						hit.matchedIn().stream().map((s) -> s.name().toLowerCase(Locale.ROOT)).sorted().toList());
				// Only the title matched: the card's title already shows the words.
				view.put("snippet",
						(hit.snippetFrom() == WorkItemSearch.Source.TITLE) ? null
								: WorkItemViews.envelope(PlainText.cut(PlainText.sanitize(hit.snippet()), SNIPPET_MAX),
										hit.snippetAuthorId(), agent.agentId().equals(hit.snippetWrittenByAgent())));
				return view;
			})
			.toList();
		ToolResult result = WorkItemViews.page("work_items", items,
				found.page().nextCursor().map((next) -> ToolCursors.encode("s1", binding, next)).orElse(null),
				found.page().asOf());
		result.structured()
			.put("not_searched",
					found.notSearched().stream().map((id) -> byProject.get(id).projectIdentifier()).toList());
		result.structured().put("unavailable_count", unavailable);
		return result;
	}

	/**
	 * The states a name or id means in the searched projects (ids differ per project); a
	 * name no project knows is refused as the single-project tools refuse it.
	 */
	private static Set<UUID> states(String value, Map<UUID, ProjectNames> names) {
		if (value == null || names.isEmpty()) {
			return null;
		}
		Set<UUID> ids = new HashSet<>();
		GatewayException unknown = null;
		for (ProjectNames project : names.values()) {
			try {
				ids.add(project.state(value, "state"));
			}
			catch (GatewayException ex) {
				unknown = ex;
			}
		}
		if (ids.isEmpty()) {
			throw unknown;
		}
		return ids;
	}

	/** A short digest of the search, so a cursor cannot be reused with another. */
	private static String hash(WorkItemSearch.Query query, Set<UUID> projects) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("query", query.text());
		values.put("projects", new TreeSet<>(projects).toString());
		values.put("states", (query.stateIds() != null) ? new TreeSet<>(query.stateIds()).toString() : null);
		values.put("assignee", WorkItemViews.string(query.assigneeId()));
		return Fingerprint.of("search_work_items", values, List.of()).toString().substring(0, 16);
	}

}
