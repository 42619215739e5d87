package com.launcher.tasker.client;

import java.util.Optional;
import java.util.UUID;

import com.launcher.host.api.tasker.ProjectMembership;

/**
 * The host's authoritative record of who is an active member of which Tasker project.
 * Plane's public API lists removed members as members (plane-api.md §3.1), so the client
 * asks this source whenever Tasker lists a person.
 */
public interface MembershipSource {

	/**
	 * The host's answer for one person and project.
	 * @param workspace the workspace slug
	 * @param projectId the project
	 * @param email the person's e-mail address
	 * @return the answer ({@code MEMBER} with role, or {@code NOT_MEMBER}), or empty when
	 * the source does not know
	 */
	Optional<ProjectMembership> lookup(String workspace, UUID projectId, String email);

}
