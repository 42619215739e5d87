package com.launcher.host.tasker;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.ProjectRole;
import com.launcher.tasker.client.MembershipSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The host's authoritative record of who is an active member of which Tasker project
 * ({@code launcher_tasker_membership}). Plane's API lists removed members too, so the
 * client asks here; a production Launcher fills this from its own provisioning of Tasker.
 */
@Component
public class JdbcMembershipSource implements MembershipSource {

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcMembershipSource(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<ProjectMembership> lookup(String workspace, UUID projectId, String email) {
		try {
			return this.jdbc
				.query("SELECT role, active FROM launcher_tasker_membership WHERE workspace = :ws AND project_id = :p"
						+ " AND email = :email", params(workspace, projectId, email),
						(rs, i) -> rs.getBoolean("active")
								? ProjectMembership.member(ProjectRole.valueOf(rs.getString("role")),
										"launcher membership record")
								: ProjectMembership.notMember("launcher membership record: removed"))
				.stream()
				.findFirst();
		}
		catch (DataAccessException ex) {
			return Optional.of(ProjectMembership.unknown("launcher membership record unavailable"));
		}
	}

	public void record(String workspace, UUID projectId, String email, ProjectRole role, boolean active) {
		this.jdbc.update(
				"INSERT INTO launcher_tasker_membership (workspace, project_id, email, role, active)"
						+ " VALUES (:ws, :p, :email, :role, :active) ON CONFLICT (workspace, project_id, email)"
						+ " DO UPDATE SET role = EXCLUDED.role, active = EXCLUDED.active, updated_at = now()",
				params(workspace, projectId, email).addValue("role", role.name()).addValue("active", active));
	}

	private static MapSqlParameterSource params(String workspace, UUID projectId, String email) {
		return new MapSqlParameterSource(
				Map.of("ws", workspace, "p", projectId, "email", email.trim().toLowerCase(Locale.ROOT)));
	}

}
