package com.launcher.tasker.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.TaskerLabel;
import com.launcher.host.api.tasker.TaskerProject;
import com.launcher.host.api.tasker.TaskerState;
import com.launcher.host.api.tasker.TaskerUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Projects and what belongs to a project as a whole: its states, labels and members, and
 * the membership answer that joins Plane's member list with the host's
 * {@link MembershipSource}.
 */
final class PlaneProjects {

	private static final Logger logger = LoggerFactory.getLogger(PlaneProjects.class);

	private final PlaneHttpTransport transport;

	private final PlanePager pager;

	private final MembershipSource membershipSource;

	private final AtomicReference<String> agentEmail = new AtomicReference<>();

	PlaneProjects(PlaneHttpTransport transport, PlanePager pager, MembershipSource membershipSource) {
		this.transport = transport;
		this.pager = pager;
		this.membershipSource = membershipSource;
	}

	List<TaskerProject> listProjects(String workspace) {
		return this.pager.walk(PlanePaths.ws(workspace) + "projects/", PlaneJson::project, TaskerProject::id);
	}

	TaskerProject getProject(String workspace, UUID projectId) {
		return PlaneJson.project(this.transport.get(PlanePaths.prj(workspace, projectId), Map.of()));
	}

	ProjectMembership membership(String workspace, UUID projectId, String userEmail) {
		Objects.requireNonNull(userEmail, "userEmail");
		String email = userEmail.trim().toLowerCase(Locale.ROOT);
		boolean listed = listProjectMembers(workspace, projectId).stream()
			.anyMatch((user) -> user.email().equalsIgnoreCase(email));
		if (!listed) {
			return ProjectMembership.notMember("not listed among Tasker project members");
		}
		Optional<ProjectMembership> answer;
		try {
			answer = this.membershipSource.lookup(workspace, projectId, email);
		}
		catch (RuntimeException ex) {
			logger.warn("Membership source failed; answering unknown", ex);
			return ProjectMembership.unknown("listed by Tasker; the host membership source is unavailable");
		}
		if (answer.isPresent()) {
			return answer.get();
		}
		if (email.equals(agentEmail())) {
			// For the token user itself Plane reports is_member and member_role
			// (plane-api.md §3.1).
			TaskerProject project = getProject(workspace, projectId);
			return project.callerIsMember()
					? ProjectMembership.member(project.callerRole().orElse(null), "Tasker project (agent user)")
					: ProjectMembership.notMember("Tasker project (agent user)");
		}
		return ProjectMembership
			.unknown("listed by Tasker, which also lists removed members; no host record for this person");
	}

	List<TaskerState> listStates(String workspace, UUID projectId) {
		return this.pager.walk(PlanePaths.prj(workspace, projectId) + "states/", PlaneJson::state, TaskerState::id);
	}

	List<TaskerLabel> listLabels(String workspace, UUID projectId) {
		return this.pager.walk(PlanePaths.prj(workspace, projectId) + "labels/", PlaneJson::label, TaskerLabel::id);
	}

	List<TaskerUser> listProjectMembers(String workspace, UUID projectId) {
		// plane-api.md R4: a plain array, not paginated.
		JsonNode body = this.transport.get(PlanePaths.prj(workspace, projectId) + "members/", Map.of());
		Map<UUID, TaskerUser> users = new LinkedHashMap<>();
		for (JsonNode node : PlanePager.array(body).values()) {
			TaskerUser user = PlaneJson.user(node);
			users.putIfAbsent(user.id(), user);
		}
		return List.copyOf(users.values());
	}

	private String agentEmail() {
		String email = this.agentEmail.get();
		if (email == null) {
			JsonNode me = this.transport.get("users/me/", Map.of());
			email = Objects.requireNonNullElse(PlaneErrors.text(me.get("email")), "").toLowerCase(Locale.ROOT);
			this.agentEmail.set(email);
		}
		return email;
	}

}
