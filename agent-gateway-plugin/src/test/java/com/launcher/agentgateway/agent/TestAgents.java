package com.launcher.agentgateway.agent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Agents for tests. */
public final class TestAgents {

	public static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");

	private TestAgents() {
	}

	/** An enabled agent with a fresh id, owned by a fresh user. */
	public static Agent agent() {
		return ownedBy(UUID.randomUUID());
	}

	public static Agent ownedBy(UUID ownerUserId) {
		return ownedBy(ownerUserId, "agent-" + UUID.randomUUID().toString().substring(0, 8));
	}

	public static Agent ownedBy(UUID ownerUserId, String name) {
		return new Agent(UUID.randomUUID(), ownerUserId, ownerUserId, name, "builds things", AgentStatus.ENABLED,
				CREATED, CREATED, null, null);
	}

	public static Agent withStatus(Agent agent, AgentStatus status) {
		return new Agent(agent.id(), agent.ownerUserId(), agent.createdBy(), agent.name(), agent.description(), status,
				agent.createdAt(), agent.updatedAt(), agent.lastSeenAt(), agent.lastReport());
	}

	public static Agent createdAt(Agent agent, Instant at) {
		Instant micros = at.truncatedTo(ChronoUnit.MICROS);
		return new Agent(agent.id(), agent.ownerUserId(), agent.createdBy(), agent.name(), agent.description(),
				agent.status(), micros, micros, agent.lastSeenAt(), agent.lastReport());
	}

	public static Owner activeOwner(UUID id) {
		return owner(id, Owner.OwnerStatus.ACTIVE);
	}

	public static Owner owner(UUID id, Owner.OwnerStatus status) {
		return new Owner(id, "Ada Owner", "ada@example.test", status, false);
	}

}
