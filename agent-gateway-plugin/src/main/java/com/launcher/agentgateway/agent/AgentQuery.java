package com.launcher.agentgateway.agent;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A filtered page of every agent, answered by the store (the admin's agent list): the
 * filters and the page are applied in the database, so the list costs the same with ten
 * agents or ten thousand.
 *
 * @param nameContains part of the name, any case; {@code null} for any
 * @param ownerUserId only this owner's agents; {@code null} for any
 * @param status only agents in this status; {@code null} for any
 * @param connection only agents with this connection; {@code null} for any
 * @param connectedAfter last use after this is connected, at or before it stale (the
 * policy's connected minutes back from now, as {@link ConnectionStatus#of})
 * @param limit at most this many agents, 1 to 100
 * @param offset skipped first, in name order
 */
public record AgentQuery(String nameContains, UUID ownerUserId, AgentStatus status, ConnectionStatus connection,
		Instant connectedAfter, int limit, int offset) {

	public static final int MAX_LIMIT = 100;

	public AgentQuery {
		nameContains = (nameContains == null || nameContains.isBlank()) ? null : nameContains.trim();
		Objects.requireNonNull(connectedAfter, "connectedAfter");
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
		}
		if (offset < 0) {
			throw new IllegalArgumentException("offset must not be negative");
		}
	}

	/** The same filters, another page. */
	public AgentQuery page(int newLimit, int newOffset) {
		return new AgentQuery(this.nameContains, this.ownerUserId, this.status, this.connection, this.connectedAfter,
				newLimit, newOffset);
	}

	/**
	 * One page of agents and how many match in all.
	 *
	 * @param agents the page, in name order
	 * @param total every agent matching the filters
	 */
	public record Page(java.util.List<Agent> agents, long total) {

		public Page {
			agents = java.util.List.copyOf(agents);
		}

	}

}
