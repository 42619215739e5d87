package com.launcher.host.tasker;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.ProjectRole;
import com.launcher.tasker.client.MembershipSource;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The host's authoritative record of who is an active member of which Tasker project
 * ({@code launcher_tasker_membership}). Plane's API lists removed members too, so the
 * client asks here; a production Launcher fills this from its own provisioning of Tasker.
 */
@Component
public class MybatisMembershipSource implements MembershipSource {

	private final MembershipMapper memberships;

	public MybatisMembershipSource(MembershipMapper memberships) {
		this.memberships = memberships;
	}

	@Override
	public Optional<ProjectMembership> lookup(String workspace, UUID projectId, String email) {
		try {
			return Optional.ofNullable(this.memberships.find(workspace, projectId, normalised(email)))
				.map((row) -> row.active() ? ProjectMembership.member(row.role(), "launcher membership record")
						: ProjectMembership.notMember("launcher membership record: removed"));
		}
		catch (DataAccessException ex) {
			return Optional.of(ProjectMembership.unknown("launcher membership record unavailable"));
		}
	}

	public void record(String workspace, UUID projectId, String email, ProjectRole role, boolean active) {
		this.memberships.record(workspace, projectId, normalised(email), role, active);
	}

	private static String normalised(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
