package com.launcher.agentgateway.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where agents are kept. */
public interface AgentStore {

	/**
	 * Stores a new agent.
	 * @param agent the agent
	 * @throws com.launcher.agentgateway.core.GatewayException with
	 * {@code AGENT_NAME_TAKEN} when the owner has an agent of that name
	 */
	void insert(Agent agent);

	Optional<Agent> findById(UUID id);

	List<Agent> findByOwner(UUID ownerUserId);

	List<Agent> findAll();

	/** A filtered page of every agent, in name order, and how many match in all. */
	AgentQuery.Page search(AgentQuery query);

	/** Everyone who owns at least one agent. */
	List<UUID> ownerIds();

	boolean updateStatus(UUID id, AgentStatus status, Instant now);

	void recordReport(UUID id, Agent.ProgressReport report);

}
