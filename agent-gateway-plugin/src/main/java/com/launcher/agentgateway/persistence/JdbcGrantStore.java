package com.launcher.agentgateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.GrantStore;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Grants in {@code agw_grant}. */
public class JdbcGrantStore implements GrantStore {

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcGrantStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Grant grant) {
		try {
			this.jdbc.update("INSERT INTO agw_grant (id, agent_id, workspace, project_id, project_identifier,"
					+ " project_name, access, created_by, created_at) VALUES (:id, :agent, :workspace, :project,"
					+ " :identifier, :name, :access, :createdBy, :createdAt)",
					new MapSqlParameterSource("id", grant.id()).addValue("agent", grant.agentId())
						.addValue("workspace", grant.workspace())
						.addValue("project", grant.projectId())
						.addValue("identifier", grant.projectIdentifier())
						.addValue("name", grant.projectName())
						.addValue("access", grant.access().name())
						.addValue("createdBy", grant.createdBy())
						.addValue("createdAt", Rows.timestamp(grant.createdAt())));
		}
		catch (DuplicateKeyException ex) {
			throw new GatewayException(ErrorCode.GRANT_EXISTS, "projectId", Map.of(), null);
		}
	}

	@Override
	public List<Grant> findByAgent(UUID agentId) {
		return this.jdbc.query("SELECT * FROM agw_grant WHERE agent_id = :agent ORDER BY project_identifier",
				Map.of("agent", agentId), JdbcGrantStore::map);
	}

	@Override
	public Optional<Grant> findById(UUID grantId) {
		return this.jdbc.query("SELECT * FROM agw_grant WHERE id = :id", Map.of("id", grantId), JdbcGrantStore::map)
			.stream()
			.findFirst();
	}

	@Override
	public boolean delete(UUID grantId) {
		return this.jdbc.update("DELETE FROM agw_grant WHERE id = :id", Map.of("id", grantId)) == 1;
	}

	@Override
	public boolean updateAccess(UUID grantId, Access access) {
		return this.jdbc.update("UPDATE agw_grant SET access = :access WHERE id = :id",
				Map.of("id", grantId, "access", access.name())) == 1;
	}

	static Grant map(ResultSet rs, int row) throws SQLException {
		return new Grant(Rows.uuid(rs, "id"), Rows.uuid(rs, "agent_id"), rs.getString("workspace"),
				Rows.uuid(rs, "project_id"), rs.getString("project_identifier"), rs.getString("project_name"),
				Access.valueOf(rs.getString("access")), Rows.uuid(rs, "created_by"), Rows.instant(rs, "created_at"));
	}

}
