package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentQuery;
import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import org.apache.ibatis.session.SqlSession;

import org.springframework.dao.DuplicateKeyException;

/**
 * Agents in {@code agw_agent}; last-seen is the newest use of any of the agent's tokens.
 */
public class MybatisAgentStore implements AgentStore {

	private final AgentMapper agents;

	public MybatisAgentStore(SqlSession sessions) {
		this.agents = sessions.getMapper(AgentMapper.class);
	}

	@Override
	public void insert(Agent agent) {
		try {
			this.agents.insert(agent);
		}
		catch (DuplicateKeyException ex) {
			// The unique index is on (owner, lower(name)): the name is what the owner
			// must change.
			throw new GatewayException(ErrorCode.AGENT_NAME_TAKEN, "name", Map.of(), null);
		}
	}

	@Override
	public Optional<Agent> findById(UUID id) {
		return Optional.ofNullable(this.agents.findById(id)).map(AgentMapper.AgentRow::agent);
	}

	@Override
	public List<Agent> findByOwner(UUID ownerUserId) {
		return this.agents.findByOwner(ownerUserId).stream().map(AgentMapper.AgentRow::agent).toList();
	}

	@Override
	public List<Agent> findAll() {
		return this.agents.findAll().stream().map(AgentMapper.AgentRow::agent).toList();
	}

	@Override
	public AgentQuery.Page search(AgentQuery query) {
		long total = this.agents.count(query);
		List<Agent> page = (total > query.offset())
				? this.agents.search(query).stream().map(AgentMapper.AgentRow::agent).toList() : List.of();
		return new AgentQuery.Page(page, total);
	}

	@Override
	public List<UUID> ownerIds() {
		return this.agents.ownerIds();
	}

	@Override
	public boolean updateStatus(UUID id, AgentStatus status, Instant now) {
		return this.agents.updateStatus(id, status, now) == 1;
	}

	@Override
	public void recordReport(UUID id, Agent.ProgressReport report) {
		this.agents.recordReport(id, report);
	}

}
