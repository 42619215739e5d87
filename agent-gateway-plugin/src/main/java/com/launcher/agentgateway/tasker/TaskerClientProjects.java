package com.launcher.agentgateway.tasker;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.grant.TaskerProjects;
import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerForbiddenException;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerProject;

/**
 * Project lookups for grants, through the host's Tasker client. A project that Tasker
 * hides or does not know is simply not grantable; every other failure is the one error
 * table's ({@link TaskerErrors}).
 */
public class TaskerClientProjects implements TaskerProjects {

	private final TaskerClient tasker;

	public TaskerClientProjects(TaskerClient tasker) {
		this.tasker = tasker;
	}

	@Override
	public List<ProjectRef> memberProjects(String email, String workspace) {
		try {
			List<ProjectRef> result = new ArrayList<>();
			for (TaskerProject project : this.tasker.listProjects(workspace)) {
				if (this.tasker.membership(workspace, project.id(), email).isMember()) {
					result.add(ref(workspace, project));
				}
			}
			return result;
		}
		catch (TaskerNotFoundException | TaskerForbiddenException ex) {
			return List.of();
		}
		catch (TaskerException ex) {
			throw TaskerErrors.map(ex);
		}
	}

	@Override
	public MembershipCheck check(String email, String workspace, UUID projectId) {
		try {
			TaskerProject project = this.tasker.getProject(workspace, projectId);
			ProjectMembership membership = this.tasker.membership(workspace, projectId, email);
			return new MembershipCheck(ref(workspace, project), switch (membership.status()) {
				case MEMBER -> Membership.MEMBER;
				case NOT_MEMBER -> Membership.NOT_MEMBER;
				case UNKNOWN -> Membership.UNKNOWN;
			});
		}
		catch (TaskerNotFoundException | TaskerForbiddenException ex) {
			// Plane answers 403 before 404 for unknown projects (plane-api.md §9.8).
			return new MembershipCheck(null, Membership.NOT_MEMBER);
		}
		catch (TaskerException ex) {
			throw TaskerErrors.map(ex);
		}
	}

	private static ProjectRef ref(String workspace, TaskerProject project) {
		return new ProjectRef(workspace, project.id(), project.identifier(), project.name());
	}

}
