package com.launcher.agentgateway.mcp.tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.workitem.Label;
import com.launcher.agentgateway.workitem.Member;
import com.launcher.agentgateway.workitem.State;
import com.launcher.agentgateway.workitem.WorkItems;

/**
 * The names of one granted project's states, labels and people for one tool call: names
 * the agent sent resolved to ids, and ids in results shown with their names (issue 15,
 * points 1 and 2). Each list is read through the work items port at most once per call
 * and only when needed, and is forgotten with the call: nothing kept here decides access,
 * and once the port answers from the read model these reads cost Tasker nothing.
 */
final class ProjectNames {

	private final WorkItems workItems;

	private final Grant grant;

	private List<State> states;

	private List<Label> labels;

	private Map<UUID, Member> members;

	ProjectNames(WorkItems workItems, Grant grant) {
		this.workItems = workItems;
		this.grant = grant;
	}

	/**
	 * The state a name or id means.
	 * @param value a state's name (any case) or id, or null
	 * @param field the argument it came from
	 * @return the state's id, or null when no value was sent
	 * @throws GatewayException {@code validation_failed} listing the valid names when it
	 * names no state of the project or more than one
	 */
	UUID state(String value, String field) {
		return (value != null) ? resolve(value, field, states(), State::id, State::name) : null;
	}

	/** The labels names or ids mean, in the order sent; null when none were sent. */
	List<UUID> labels(List<String> values, String field) {
		if (values == null) {
			return null;
		}
		List<UUID> ids = new ArrayList<>();
		for (String value : values) {
			UUID id = resolve(value, field, labels(), Label::id, Label::name);
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return List.copyOf(ids);
	}

	/** The ids of the project's states in the given groups. */
	List<UUID> statesIn(List<String> groups) {
		return states().stream().filter((s) -> groups.contains(s.group())).map(State::id).toList();
	}

	/** {@code {id, name, group}}; an id Tasker no longer lists keeps only its id. */
	Map<String, Object> stateView(UUID id) {
		if (id == null) {
			return null;
		}
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", id.toString());
		states().stream().filter((s) -> s.id().equals(id)).findFirst().ifPresent((s) -> {
			view.put("name", PlainText.sanitize(s.name()));
			view.put("group", s.group());
		});
		return view;
	}

	/** {@code [{id, name}]}, read only when the card has labels. */
	List<Map<String, Object>> labelViews(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Label> known = labels();
		return ids.stream().map((id) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("id", id.toString());
			known.stream()
				.filter((l) -> l.id().equals(id))
				.findFirst()
				.ifPresent((l) -> view.put("name", PlainText.sanitize(l.name())));
			return view;
		}).toList();
	}

	/** {@code {id, display_name}}; someone who left the project keeps only the id. */
	Map<String, Object> person(UUID id) {
		if (id == null) {
			return null;
		}
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", id.toString());
		Member member = members().get(id);
		if (member != null) {
			view.put("display_name", PlainText.sanitize(member.displayName()));
		}
		return view;
	}

	List<Map<String, Object>> people(List<UUID> ids) {
		return ids.isEmpty() ? List.of() : ids.stream().map(this::person).toList();
	}

	/**
	 * The Tasker id of the agent's owner, for {@code "me"}.
	 * @throws GatewayException {@code owner_not_member} when Tasker does not list them
	 */
	UUID owner(AgentPrincipal agent) {
		Optional<UUID> id = this.workItems.memberId(this.grant, agent.ownerEmail());
		return id.orElseThrow(() -> new GatewayException(ErrorCode.OWNER_NOT_MEMBER));
	}

	private List<State> states() {
		if (this.states == null) {
			this.states = this.workItems.states(this.grant).items();
		}
		return this.states;
	}

	private List<Label> labels() {
		if (this.labels == null) {
			this.labels = this.workItems.labels(this.grant).items();
		}
		return this.labels;
	}

	private Map<UUID, Member> members() {
		if (this.members == null) {
			this.members = new LinkedHashMap<>();
			this.workItems.members(this.grant).items().forEach((m) -> this.members.put(m.id(), m));
		}
		return this.members;
	}

	/**
	 * A name (case-insensitive) or id among the project's own; anything else is refused
	 * with the names that would have worked, which are the project's and so visible to an
	 * agent granted it.
	 */
	private static <T> UUID resolve(String value, String field, List<T> known, Function<T, UUID> id,
			Function<T, String> name) {
		String wanted = value.trim();
		List<T> byId = known.stream().filter((t) -> id.apply(t).toString().equalsIgnoreCase(wanted)).toList();
		List<T> matches = !byId.isEmpty() ? byId
				: known.stream().filter((t) -> name.apply(t).trim().equalsIgnoreCase(wanted)).toList();
		if (matches.size() == 1) {
			return id.apply(matches.get(0));
		}
		String problem;
		List<String> valid;
		if (matches.isEmpty()) {
			problem = "names nothing in this project";
			valid = known.stream().map((t) -> PlainText.sanitize(name.apply(t))).toList();
		}
		else {
			problem = "names more than one: pass the id of the one you mean";
			valid = matches.stream().map((t) -> id.apply(t).toString()).toList();
		}
		throw new GatewayException(ErrorCode.VALIDATION_FAILED, field, Map.of("problem", problem, "valid", valid),
				null);
	}

}
