package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.agent.Agent;
import com.launcher.agentgateway.agent.AgentQuery;
import com.launcher.agentgateway.agent.AgentStatus;
import org.apache.ibatis.annotations.Param;

/** The statements of {@code AgentMapper.xml}. */
interface AgentMapper {

	void insert(Agent agent);

	AgentRow findById(UUID id);

	List<AgentRow> findByOwner(UUID ownerUserId);

	List<AgentRow> findAll();

	List<AgentRow> search(@Param("q") AgentQuery query);

	long count(@Param("q") AgentQuery query);

	List<UUID> ownerIds();

	int updateStatus(UUID id, AgentStatus status, Instant now);

	int recordReport(UUID id, Agent.ProgressReport report);

	/** A row of {@code agw_agent} with the newest use of any of its tokens. */
	record AgentRow(UUID id, UUID ownerUserId, UUID createdBy, String name, String description, AgentStatus status,
			Instant createdAt, Instant updatedAt, Instant lastSeenAt, Instant lastReportAt, String lastReportStatus,
			String lastReportSummary, String lastReportWorkItem) {

		Agent agent() {
			// The four report columns are written together: no time, no report.
			Agent.ProgressReport report = (this.lastReportAt != null) ? new Agent.ProgressReport(this.lastReportAt,
					this.lastReportStatus, this.lastReportSummary, this.lastReportWorkItem) : null;
			return new Agent(this.id, this.ownerUserId, this.createdBy, this.name, this.description, this.status,
					this.createdAt, this.updatedAt, this.lastSeenAt, report);
		}

	}

}
