package com.launcher.agentgateway.grant;

import java.util.List;
import java.util.UUID;

/**
 * What grants need to know of Tasker: which projects exist and whether a person is an
 * active member of one. Answers are honest: membership can be unknown.
 */
public interface TaskerProjects {

	/** Projects of a workspace that the person (by e-mail) is an active member of. */
	List<ProjectRef> memberProjects(String email, String workspace);

	/** The project and the person's membership of it. */
	MembershipCheck check(String email, String workspace, UUID projectId);

	/**
	 * A Tasker project.
	 *
	 * @param workspace workspace slug
	 * @param id project id
	 * @param identifier readable key
	 * @param name name
	 */
	record ProjectRef(String workspace, UUID id, String identifier, String name) {
	}

	/**
	 * A membership answer.
	 *
	 * @param project the project, or null when it does not exist or is invisible
	 * @param membership the answer
	 */
	record MembershipCheck(ProjectRef project, Membership membership) {
	}

	/** Member, not a member, or unknown (refused by callers that decide access). */
	enum Membership {

		MEMBER, NOT_MEMBER, UNKNOWN

	}

}
