package com.launcher.agentgateway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Agents in {@code agw_agent}; last-seen is the newest use of any of the agent's tokens.
 */
public class JdbcAgentStore implements AgentStore {

	private static final String SELECT = "SELECT a.*, (SELECT max(t.last_used_at) FROM agw_token t"
			+ " WHERE t.agent_id = a.id) AS last_seen_at FROM agw_agent a";

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcAgentStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Agent agent) {
		try {
			this.jdbc.update(
					"INSERT INTO agw_agent (id, owner_user_id, created_by, name, description, status,"
							+ " created_at, updated_at) VALUES (:id, :owner, :createdBy, :name, :description, :status,"
							+ " :createdAt, :updatedAt)",
					new MapSqlParameterSource("id", agent.id()).addValue("owner", agent.ownerUserId())
						.addValue("createdBy", agent.createdBy())
						.addValue("name", agent.name())
						.addValue("description", agent.description())
						.addValue("status", agent.status().name())
						.addValue("createdAt", Rows.timestamp(agent.createdAt()))
						.addValue("updatedAt", Rows.timestamp(agent.updatedAt())));
		}
		catch (DuplicateKeyException ex) {
			throw new GatewayException(ErrorCode.AGENT_NAME_TAKEN, "name", Map.of(), null);
		}
	}

	@Override
	public Optional<Agent> findById(UUID id) {
		return this.jdbc.query(SELECT + " WHERE a.id = :id", Map.of("id", id), JdbcAgentStore::map)
			.stream()
			.findFirst();
	}

	@Override
	public List<Agent> findByOwner(UUID ownerUserId) {
		return this.jdbc.query(SELECT + " WHERE a.owner_user_id = :owner ORDER BY a.created_at",
				Map.of("owner", ownerUserId), JdbcAgentStore::map);
	}

	@Override
	public List<Agent> findAll() {
		return this.jdbc.query(SELECT + " ORDER BY a.created_at", JdbcAgentStore::map);
	}

	@Override
	public boolean updateStatus(UUID id, AgentStatus status, Instant now) {
		return this.jdbc.update("UPDATE agw_agent SET status = :status, updated_at = :now WHERE id = :id",
				new MapSqlParameterSource("id", id).addValue("status", status.name())
					.addValue("now", Rows.timestamp(now))) == 1;
	}

	@Override
	public void recordReport(UUID id, Agent.ProgressReport report) {
		this.jdbc.update(
				"UPDATE agw_agent SET last_report_at = :at, last_report_status = :status,"
						+ " last_report_summary = :summary, last_report_work_item = :workItem WHERE id = :id",
				new MapSqlParameterSource("id", id).addValue("at", Rows.timestamp(report.at()))
					.addValue("status", report.status())
					.addValue("summary", report.summary())
					.addValue("workItem", report.workItem()));
	}

	private static Agent map(ResultSet rs, int row) throws SQLException {
		Instant reportAt = Rows.instant(rs, "last_report_at");
		Agent.ProgressReport report = (reportAt != null)
				? new Agent.ProgressReport(reportAt, rs.getString("last_report_status"),
						rs.getString("last_report_summary"), rs.getString("last_report_work_item"))
				: null;
		return new Agent(Rows.uuid(rs, "id"), Rows.uuid(rs, "owner_user_id"), Rows.uuid(rs, "created_by"),
				rs.getString("name"), rs.getString("description"), AgentStatus.valueOf(rs.getString("status")),
				Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), Rows.instant(rs, "last_seen_at"),
				report);
	}

}
