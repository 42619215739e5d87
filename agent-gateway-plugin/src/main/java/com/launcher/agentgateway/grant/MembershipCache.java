package com.launcher.agentgateway.grant;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Tasker's answers to "is this person an active member of this project?", kept for a
 * short bound and shared by every node, so that an agent's calls do not each spend a
 * Tasker call on its owner's membership (issue 14). An answer is dropped before its bound
 * when something says it may be wrong: a lifecycle event of the person, a grant of the
 * project changing, or Tasker answering 403 or 404 for the project. Only definite answers
 * are kept; an unknown one is asked again.
 */
public interface MembershipCache {

	/**
	 * The answer, if one younger than the bound is kept.
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param email the person's e-mail address (any case)
	 * @return the kept answer
	 */
	Optional<Entry> find(String workspace, UUID projectId, String email);

	/**
	 * Keeps a definite answer.
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param email the person's e-mail address
	 * @param ownerUserId the Launcher user it is about, when known (to drop it on their
	 * lifecycle events)
	 * @param member whether the person is an active member
	 * @param role the role Tasker or the host named, or {@code null}
	 */
	void remember(String workspace, UUID projectId, String email, UUID ownerUserId, boolean member, String role);

	/**
	 * Drops every answer about a person, by user id or e-mail address.
	 * @param ownerUserId the Launcher user
	 * @param email their e-mail address, or {@code null} when unknown
	 */
	void forgetPerson(UUID ownerUserId, String email);

	/** Drops every answer about a project. */
	void forgetProject(String workspace, UUID projectId);

	/**
	 * A kept answer.
	 *
	 * @param member whether the person is an active member
	 * @param role the role Tasker or the host named, or {@code null}
	 * @param checkedAt when it was asked (the database's clock)
	 */
	record Entry(boolean member, String role, Instant checkedAt) {

		public Entry {
			Objects.requireNonNull(checkedAt, "checkedAt");
			if (!member && role != null) {
				throw new IllegalArgumentException("only a member has a role");
			}
		}

	}

}
