package com.launcher.agentgateway.grant;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentService;
import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.budget.TaskerCallScope;
import com.launcher.agentgateway.budget.TaskerCaller;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;

/**
 * Grants and removes projects. A grant is made only for a project the agent's owner is an
 * active member of in Tasker right now (checked through the host's Tasker client).
 */
public class GrantService {

	// Plane's workspace slug is a SlugField(max_length=48) (db/models/workspace.py); a
	// longer one cannot exist, and the Tasker client refuses it (issue 12, point 12).
	private static final Pattern WORKSPACE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,47}");

	private final AgentService agents;

	private final GrantStore grants;

	private final OwnerDirectory owners;

	private final TaskerProjects tasker;

	private final UserActions actions;

	private final Clock clock;

	private final MembershipCache memberships;

	public GrantService(AgentService agents, GrantStore grants, OwnerDirectory owners, TaskerProjects tasker,
			UserActions actions, Clock clock) {
		this(agents, grants, owners, tasker, actions, clock, null);
	}

	/**
	 * @param memberships the shared membership answers, dropped for a project whenever
	 * one of its grants changes (issue 14), or {@code null} when none are kept
	 */
	public GrantService(AgentService agents, GrantStore grants, OwnerDirectory owners, TaskerProjects tasker,
			UserActions actions, Clock clock, MembershipCache memberships) {
		this.agents = agents;
		this.grants = grants;
		this.owners = owners;
		this.tasker = tasker;
		this.actions = actions;
		this.clock = clock;
		this.memberships = memberships;
	}

	public static String workspace(String workspace) {
		if (workspace == null || !WORKSPACE.matcher(workspace).matches()) {
			throw GatewayException.invalid("workspace",
					"must be a Tasker workspace slug: up to 48 lowercase letters, digits, - and _");
		}
		return workspace;
	}

	/** The projects the caller may grant: those they are an active member of. */
	public List<TaskerProjects.ProjectRef> grantableProjects(Actor actor, String workspace) {
		Owner me = this.owners.find(actor.userId()).orElseThrow(() -> new GatewayException(ErrorCode.FORBIDDEN));
		try (TaskerCallScope scope = TaskerCallScope.open(TaskerCaller.human(actor.userId()))) {
			return this.tasker.memberProjects(me.email(), workspace(workspace));
		}
	}

	public Grant create(Actor actor, UUID agentId, String workspace, UUID projectId, String access) {
		Agent agent = this.agents.getOwn(actor, agentId);
		String slug = workspace(workspace);
		if (projectId == null) {
			throw GatewayException.invalid("projectId", "is required");
		}
		Access level = parseAccess(access);
		Owner owner = this.owners.find(agent.ownerUserId())
			.orElseThrow(() -> new GatewayException(ErrorCode.PROJECT_NOT_GRANTABLE));
		// A grant is decided on Tasker's answer now, never on a kept one.
		forgetMemberships(slug, projectId);
		TaskerProjects.MembershipCheck check;
		try (TaskerCallScope scope = TaskerCallScope.open(TaskerCaller.human(actor.userId()))) {
			check = this.tasker.check(owner.email(), slug, projectId);
		}
		if (check.project() == null || check.membership() != TaskerProjects.Membership.MEMBER) {
			auditGrant(actor, agent, "grant.create", Outcome.DENIED, projectId.toString(),
					(check.project() == null) ? "unknown_project" : "owner_not_member");
			throw new GatewayException(ErrorCode.PROJECT_NOT_GRANTABLE, "projectId", Map.of(), null);
		}
		Grant grant = new Grant(UUID.randomUUID(), agent.id(), slug, projectId, check.project().identifier(),
				check.project().name(), level, actor.userId(), this.clock.instant());
		this.grants.insert(grant);
		auditGrant(actor, agent, "grant.create", Outcome.SUCCEEDED, projectId.toString(), null);
		return grant;
	}

	/**
	 * Changes a grant's access in place. Only the agent's owner may, and only while they
	 * are still a member of the project, as when granting: raising an agent to WRITE is a
	 * grant in all but name (admins may switch agents off, not act in Tasker as someone
	 * else).
	 */
	public Grant changeAccess(Actor actor, UUID agentId, UUID grantId, String access) {
		Agent agent = this.agents.get(actor, agentId);
		Grant grant = this.grants.findById(grantId)
			.filter((g) -> g.agentId().equals(agent.id()))
			.orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND));
		Access level = parseAccess(access);
		if (!actor.userId().equals(agent.ownerUserId())) {
			auditGrant(actor, agent, "grant.update", Outcome.DENIED, grant.projectId().toString(), "not_owner");
			throw new GatewayException(ErrorCode.FORBIDDEN);
		}
		if (level == grant.access()) {
			return grant;
		}
		Owner owner = this.owners.find(agent.ownerUserId())
			.orElseThrow(() -> new GatewayException(ErrorCode.PROJECT_NOT_GRANTABLE));
		// Decided on Tasker's answer now, never on a kept one, and spent as the person's
		// call (issue 14), as when granting.
		forgetMemberships(grant.workspace(), grant.projectId());
		TaskerProjects.MembershipCheck check;
		try (TaskerCallScope scope = TaskerCallScope.open(TaskerCaller.human(actor.userId()))) {
			check = this.tasker.check(owner.email(), grant.workspace(), grant.projectId());
		}
		if (check.project() == null || check.membership() != TaskerProjects.Membership.MEMBER) {
			auditGrant(actor, agent, "grant.update", Outcome.DENIED, grant.projectId().toString(),
					(check.project() == null) ? "unknown_project" : "owner_not_member");
			throw new GatewayException(ErrorCode.PROJECT_NOT_GRANTABLE, "access", Map.of(), null);
		}
		if (!this.grants.updateAccess(grant.id(), level)) {
			throw new GatewayException(ErrorCode.NOT_FOUND);
		}
		auditGrant(actor, agent, "grant.update", Outcome.SUCCEEDED, grant.projectId().toString(), null);
		return new Grant(grant.id(), grant.agentId(), grant.workspace(), grant.projectId(), grant.projectIdentifier(),
				grant.projectName(), level, grant.createdBy(), grant.createdAt());
	}

	public List<Grant> list(Actor actor, UUID agentId) {
		return this.grants.findByAgent(this.agents.get(actor, agentId).id());
	}

	public void delete(Actor actor, UUID agentId, UUID grantId) {
		Agent agent = this.agents.get(actor, agentId);
		Grant grant = this.grants.findById(grantId)
			.filter((g) -> g.agentId().equals(agent.id()))
			.orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND));
		this.grants.delete(grant.id());
		forgetMemberships(grant.workspace(), grant.projectId());
		auditGrant(actor, agent, "grant.delete", Outcome.SUCCEEDED, grant.projectId().toString(), null);
	}

	private void forgetMemberships(String workspace, UUID projectId) {
		if (this.memberships != null) {
			this.memberships.forgetProject(workspace, projectId);
		}
	}

	private static Access parseAccess(String access) {
		if (access == null) {
			throw GatewayException.invalid("access", "is required (READ or WRITE)");
		}
		try {
			return Access.valueOf(access.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid("access", "must be READ or WRITE");
		}
	}

	private void auditGrant(Actor actor, Agent agent, String action, Outcome outcome, String project, String reason) {
		this.actions.record(this.actions.event(action, outcome, actor)
			.agent(agent.id(), agent.ownerUserId())
			.target("project", project)
			.reason(reason));
	}

}
